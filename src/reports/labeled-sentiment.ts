/**
 * The labeled three-class sentiment sets (SemEval-2017 English tweets, DEFT-2017 French
 * tweets) used to check the adjusted sentiment share (docs/metrics.md). The shipped
 * classifier never learnt from them (it is trained on Relais's own corpus only), so every
 * row is held apart from it; the check plays a workspace of one language whose agents
 * labelled messages from the `train` and `val` splits, and measures the adjusted share on
 * samples of the `test` split only, so the confusion and the shares it corrects never share
 * a text. The sets are development data read from the shared folder, never copied into
 * this repository, and nothing measured on them is shipped.
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

/** A stable pseudo-random order of texts (the files cycle through the labels). */
export function hashOrder(salt: string): (a: LabeledText, b: LabeledText) => number {
  const key = (row: LabeledText) => createHash('sha256').update(`${salt}:${row.text}`).digest().readUInt32BE(0);
  return (a, b) => key(a) - key(b);
}

/**
 * One language's rows: `corrections` are its `train` and `val` splits (what a workspace's
 * agents would have labelled), `evaluation` its `test` split.
 */
export function readLabeled(folder: string, language: 'fr' | 'en', role: 'corrections' | 'evaluation'): LabeledText[] {
  const splits = role === 'corrections' ? ['train', 'val'] : ['test'];
  return LABELED_SETS.filter((set) => set.language === language).flatMap(({ file }) => {
    const rows = parse(readFileSync(join(folder, file), 'utf8'), { columns: true, skip_empty_lines: true, relax_quotes: true }) as { split: string; label_name: string; text: string }[];
    return rows.filter((row) => splits.includes(row.split) && ['negative', 'neutral', 'positive'].includes(row.label_name))
      .map((row) => ({ set: file, language, label: row.label_name as Sentiment, text: row.text }));
  }).sort(hashOrder(role));
}

/** Shares of a brand's mentions to sample (40/30 and others), negative, neutral, positive. */
export const MIXES: [number, number, number][] = [[0.3, 0.3, 0.4], [0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.15, 0.35, 0.5], [0.6, 0.25, 0.15]];

export interface MixResult {
  mix: [number, number, number];
  messages: number;
  truth: [number, number, number];
  raw: [number, number, number];
  adjusted: [number, number, number];
  low: [number, number, number];
  high: [number, number, number];
}

/**
 * Samples of `evaluation` rows in each of `MIXES` (as many messages as the scarcest label
 * allows), with their true, raw and adjusted shares. `classify` gives the model's answer,
 * `adjust` turns observed counts into an adjusted share with its interval.
 */
export function sampleMixes(
  evaluation: readonly LabeledText[],
  classify: (row: LabeledText) => Sentiment,
  adjust: (observed: [number, number, number]) => { share: [number, number, number]; low: [number, number, number]; high: [number, number, number] },
): MixResult[] {
  const labels: Sentiment[] = ['negative', 'neutral', 'positive'];
  const byLabel = labels.map((label) => evaluation.filter((row) => row.label === label));
  const answers = new Map(evaluation.map((row) => [row, labels.indexOf(classify(row))]));
  return MIXES.map((mix) => {
    const size = Math.min(...byLabel.map((list, k) => Math.floor(list.length / mix[k]!)));
    const sample = byLabel.flatMap((list, k) => list.slice(0, Math.round(size * mix[k]!)));
    const truth = labels.map((label) => sample.filter((row) => row.label === label).length / sample.length) as [number, number, number];
    const observed: [number, number, number] = [0, 0, 0];
    for (const row of sample) observed[answers.get(row)!]! += 1;
    const adjusted = adjust(observed);
    return { mix, messages: sample.length, truth, raw: observed.map((n) => n / sample.length) as [number, number, number], adjusted: adjusted.share, low: adjusted.low, high: adjusted.high };
  });
}

/** Sum of absolute differences between two shares. */
export function l1(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, k) => sum + Math.abs(value - b[k]!), 0);
}
