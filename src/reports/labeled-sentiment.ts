/**
 * The labeled three-class sentiment sets (SemEval-2017 English tweets, DEFT-2017 French
 * tweets) used to measure the classifier's confusion at build time. Only their `val` and
 * `test` splits are read (neither builds any model), cut in two halves by a hash of the text:
 * the calibration half makes `sentiment-confusion.json`, the evaluation half (of `test` only)
 * is kept apart for the test that checks the adjustment. The sets are development data read from the shared
 * folder, never copied into this repository.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Sentiment } from '../insight/index.ts';

export interface LabeledText {
  set: string;
  language: 'fr' | 'en';
  label: Sentiment;
  text: string;
}

export const LABELED_SETS = [
  { file: 'en_tweets_semeval2017.csv', language: 'en' as const },
  { file: 'fr_tweets_deft2017.csv', language: 'fr' as const },
];

/** The shared data folder: `RELAIS_SENTIMENT_DATA`, else `shared/data/sentiment` beside a parent folder. */
export function sentimentDataFolder(): string | null {
  if (process.env.RELAIS_SENTIMENT_DATA) return existsSync(process.env.RELAIS_SENTIMENT_DATA) ? process.env.RELAIS_SENTIMENT_DATA : null;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'shared', 'data', 'sentiment');
    if (existsSync(join(candidate, LABELED_SETS[0]!.file))) return candidate;
    dir = resolve(dir, '..');
  }
  return null;
}

/** Which half of the held-apart split a text falls in. */
export function halfOf(text: string): 'calibration' | 'evaluation' {
  return createHash('sha256').update(text).digest()[0]! % 2 === 0 ? 'calibration' : 'evaluation';
}

/** The `test` rows of both sets, in one half. */
export function readHeldApart(folder: string, half: 'calibration' | 'evaluation'): LabeledText[] {
  return LABELED_SETS.flatMap(({ file, language }) => {
    const rows = parse(readFileSync(join(folder, file), 'utf8'), { columns: true, skip_empty_lines: true, relax_quotes: true }) as { split: string; label_name: string; text: string }[];
    // Calibration also takes the `val` split's half (never used to build the classifier); the
    // evaluation half is only ever the `test` split's, so the two never share a text.
    const splits = half === 'calibration' ? ['val', 'test'] : ['test'];
    return rows.filter((row) => splits.includes(row.split) && halfOf(row.text) === half && ['negative', 'neutral', 'positive'].includes(row.label_name))
      .map((row) => ({ set: file, language, label: row.label_name as Sentiment, text: row.text }));
  });
}
