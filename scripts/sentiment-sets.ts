/**
 * The labeled development sets in ../shared/data/sentiment/ (never copied into this
 * repository), read the one way both `eval:classify` and `train:classify` use, so the rows
 * a model is trained on and the rows it is measured on can never be mixed up:
 * - a CSV with a `split` column: `train` rows are the train split, `test` rows the test
 *   split, `val` rows neither;
 * - `x_train.tsv` + `x_dev.tsv`: train is the train file, test the dev file;
 * - a file with no split at all (the translated Sentiment140): every row is test, none is
 *   ever trained on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sentiment as Label } from '../src/insight/index.ts';

export type { Label };

export interface Row { split: string; label: Label; text: string }
/** `val` rows are neither trained on nor reported by eval: the held-apart rows of the published confusion matrix. */
export interface DataSet { name: string; language: 'fr' | 'en'; labels: readonly Label[]; test: Row[]; train: Row[]; val: Row[] }

export const THREE: readonly Label[] = ['negative', 'neutral', 'positive'];
export const TWO: readonly Label[] = ['negative', 'positive'];

/** `RELAIS_SENTIMENT_DATA`, else `shared/data/sentiment` beside the repository's folder. */
export function dataFolder(): string {
  return process.env.RELAIS_SENTIMENT_DATA ?? fileURLToPath(new URL('../../shared/data/sentiment/', import.meta.url));
}

/** The set files of the data folder, sorted; empty when the folder is absent. */
export function dataFiles(folder = dataFolder()): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((f) => /\.(csv|tsv)$/.test(f)).sort().map((f) => join(folder, f));
}

function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const unescape = (text: string): string => text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).trim();

function readRows(file: string): { rows: Row[]; classes: 2 | 3 } {
  const content = readFileSync(file, 'utf8');
  if (file.endsWith('.tsv')) {
    const rows = content.split('\n').filter(Boolean).map((line) => {
      const tab = line.indexOf('\t');
      return { split: 'all', label: line.slice(0, tab) === '1' ? 'positive' as const : 'negative' as const, text: unescape(line.slice(tab + 1)) };
    });
    return { rows, classes: 2 };
  }
  const [header, ...records] = parseCsv(content);
  const col = (name: string): number => header!.indexOf(name);
  const split = col('split');
  const label = col('label');
  const text = col('text');
  const classes = split >= 0 || records.some((r) => r[label] === '2') ? 3 : 2;
  const rows = records.filter((r) => r.length > text && ['0', '1', '2'].includes(r[label] ?? '')).map((r) => ({
    split: split >= 0 ? r[split]! : 'all',
    label: classes === 3 ? THREE[Number(r[label])]! : TWO[Number(r[label])]!,
    text: unescape(r[text]!),
  }));
  return { rows, classes };
}

/** `x_train.tsv` + `x_dev.tsv` form one set (dev is its test split); a CSV with a split column is one set. */
export function loadSets(files: string[]): DataSet[] {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const stem = basename(file).replace(/\.(csv|tsv)$/, '').replace(/_(train|dev|test)$/, '');
    groups.set(stem, [...(groups.get(stem) ?? []), file]);
  }
  return [...groups].map(([name, members]) => {
    const train: Row[] = [];
    const test: Row[] = [];
    const val: Row[] = [];
    let classes: 2 | 3 = 2;
    for (const file of members) {
      const read = readRows(file);
      classes = read.classes;
      const role = /_train\.\w+$/.test(file) ? 'train' : /_(dev|test)\.\w+$/.test(file) ? 'test' : undefined;
      for (const row of read.rows) {
        const split = role ?? row.split;
        if (split === 'train') train.push(row);
        else if (split === 'test' || split === 'all') test.push(row);
        else if (split === 'val') val.push(row);
      }
    }
    // A train file given alone is all there is to measure on.
    return { name, language: name.startsWith('en') ? 'en' : 'fr', labels: classes === 3 ? THREE : TWO, test: test.length > 0 ? test : train, train: test.length > 0 ? train : [], val };
  });
}
