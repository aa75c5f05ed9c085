/**
 * `entries.csv`, the frozen list a draw runs on (docs/contests.md): UTF-8, `\n` line ends,
 * header `entry_id,network,author_id,author_name,created_at`, one row per eligible entry
 * sorted by `entry_id` in byte order, RFC 4180 quoting (a field holding a comma, a double
 * quote, CR or LF is wrapped in double quotes, inner quotes doubled). The same file parses back
 * here for `relais contest verify`.
 */
export const ENTRIES_HEADER = ['entry_id', 'network', 'author_id', 'author_name', 'created_at'] as const;

export interface CsvEntry {
  entryId: string;
  network: string;
  authorId: string;
  authorName: string;
  /** ISO 8601 UTC, e.g. 2026-11-23T09:00:00.000Z */
  createdAt: string;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Byte order of UTF-8, not JavaScript's UTF-16 order (they differ above U+FFFF). */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The file's exact text; hash its UTF-8 bytes. Every line ends with `\n`, the last one too. */
export function entriesCsv(entries: CsvEntry[]): string {
  const rows = [...entries].sort((a, b) => compareBytes(a.entryId, b.entryId));
  const lines = [ENTRIES_HEADER.join(','), ...rows.map((e) => [e.entryId, e.network, e.authorId, e.authorName, e.createdAt].map(field).join(','))];
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 records of a CSV text (CRLF or LF line ends); a final empty line is not a record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  let i = 0;
  const endField = () => { record.push(value); value = ''; };
  const endRecord = () => { endField(); records.push(record); record = []; };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { value += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i += 1; continue; }
      value += ch; i += 1; continue;
    }
    if (ch === '"' && value === '') { quoted = true; i += 1; continue; }
    if (ch === ',') { endField(); i += 1; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { endRecord(); i += 2; continue; }
    if (ch === '\n') { endRecord(); i += 1; continue; }
    value += ch; i += 1;
  }
  if (quoted) throw new Error('entries.csv: a quoted field is not closed');
  if (value !== '' || record.length > 0) endRecord();
  return records;
}

/** The entries of an `entries.csv`, in file order; throws on a wrong header or row width. */
export function parseEntriesCsv(text: string): CsvEntry[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(',') !== ENTRIES_HEADER.join(',')) throw new Error(`entries.csv: the header must be ${ENTRIES_HEADER.join(',')}`);
  return rows.map((row, index) => {
    if (row.length !== ENTRIES_HEADER.length) throw new Error(`entries.csv: row ${index + 2} has ${row.length} fields, not ${ENTRIES_HEADER.length}`);
    const [entryId, network, authorId, authorName, createdAt] = row as [string, string, string, string, string];
    return { entryId, network, authorId, authorName, createdAt };
  });
}
