import { createHash, createHmac } from 'node:crypto';
import { parseEntriesCsv, type CsvEntry } from './entries-csv.ts';

export const SEED_PATTERN = /^[0-9a-f]{64}$/;
const TWO_256 = 1n << 256n;

export interface Pick {
  role: 'winner' | 'alternate';
  /** 1-based within its role. */
  rank: number;
  entry: CsvEntry;
}

export interface DrawResult {
  entriesHash: string;
  picks: Pick[];
}

/** The commitment published at creation: sha256 of the seed's 64 hex characters (ASCII), in hex. */
export function commitmentOf(seed: string): string {
  return createHash('sha256').update(seed, 'ascii').digest('hex');
}

/**
 * The draw of docs/contests.md, on the exact bytes of `entries.csv`:
 * `r_k = HMAC-SHA256(key = seed hex as ASCII, message = entries_hash + ":" + k)` read as a
 * 256-bit big-endian integer; with n entries left, `r_k >= floor(2^256 / n) * n` is rejected,
 * otherwise the entry at index `r_k mod n` of the pool (file order) is drawn and leaves it.
 * Winners first, then alternates, until all are drawn or the pool is empty.
 *
 * @example drawFromCsv(Buffer.from(csv, 'utf8'), seed, 3, 2).picks.map((p) => p.entry.entryId)
 */
export function drawFromCsv(csvBytes: Buffer, seed: string, winners: number, alternates = 0): DrawResult {
  if (!SEED_PATTERN.test(seed)) throw new Error('the seed must be 64 lower-case hex characters');
  if (!Number.isInteger(winners) || winners < 0 || !Number.isInteger(alternates) || alternates < 0) throw new Error('winners and alternates are whole numbers');
  const entriesHash = createHash('sha256').update(csvBytes).digest('hex');
  const pool = parseEntriesCsv(csvBytes.toString('utf8'));
  const picks: Pick[] = [];
  const wanted = winners + alternates;
  for (let k = 0; picks.length < wanted && pool.length > 0; k++) {
    const r = BigInt(`0x${createHmac('sha256', Buffer.from(seed, 'ascii')).update(`${entriesHash}:${k}`, 'ascii').digest('hex')}`);
    const n = BigInt(pool.length);
    if (r >= (TWO_256 / n) * n) continue;
    const [entry] = pool.splice(Number(r % n), 1);
    const role = picks.length < winners ? 'winner' : 'alternate';
    picks.push({ role, rank: role === 'winner' ? picks.length + 1 : picks.length - winners + 1, entry: entry! });
  }
  return { entriesHash, picks };
}
