/**
 * `npm run eval:classify [-- file…]`: accuracy, macro-F1 and confusion matrices of the
 * default model against the peers a developer would reach for (English: `sentiment`
 * (AFINN-165) and `vader-sentiment`; French: natural's SentimentAnalyzer with its Pattern
 * vocabulary), then the learning simulation of the workspace model (N corrections from a
 * set's train split, measured on its test split). Reads the development sets in
 * ../shared/data/sentiment/ (never copied into this repository) or the files given.
 *
 * Two-class sets (negative/positive): every system's 3-way answer is mapped by the sign of
 * its score (a neutral label still leans one way); a score of exactly 0 counts as positive,
 * the larger share of brand mentions (about 40% positive, 30% negative).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import { createBlendedClassifier, createDefaultClassifier, score, trainWorkspaceModel, type Scores, type Sentiment as Label } from '../src/insight/index.ts';

interface Row { split: string; label: Label; text: string }
interface DataSet { name: string; language: 'fr' | 'en'; labels: readonly Label[]; test: Row[]; train: Row[] }
interface System { name: string; predict(text: string): { label: Label; score: number } }

const THREE: readonly Label[] = ['negative', 'neutral', 'positive'];
const TWO: readonly Label[] = ['negative', 'positive'];
const CURVE = [100, 300, 1000];
const SEEDS = [1, 2, 3];

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
const NaturalAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as new (language: string, stemmer: unknown, type: string) => { getSentiment(words: string[]): number };
const stemmerFr = require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as unknown;
const TokenizerFr = require('natural/lib/natural/tokenizers/aggressive_tokenizer_fr.js') as new () => { tokenize(text: string): string[] };

const fromScore = (value: number, band: number): { label: Label; score: number } => ({ label: value > band ? 'positive' : value < -band ? 'negative' : 'neutral', score: value });

function systemsFor(language: 'fr' | 'en'): System[] {
  const ours = createDefaultClassifier();
  const relais: System = { name: 'relais default', predict: (text) => { const c = ours.classify(text); return { label: c.sentiment, score: c.score }; } };
  if (language === 'en') {
    const afinn = new Sentiment();
    return [relais,
      { name: 'sentiment (AFINN)', predict: (text) => fromScore(afinn.analyze(text).score, 0) },
      { name: 'vader-sentiment', predict: (text) => fromScore(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, 0.05) }];
  }
  const analyzer = new NaturalAnalyzer('French', stemmerFr, 'pattern');
  const tokenizer = new TokenizerFr();
  return [relais, { name: 'natural (French, Pattern)', predict: (text) => fromScore(analyzer.getSentiment(tokenizer.tokenize(text)) || 0, 0) }];
}

// --- reading the sets -------------------------------------------------------------------

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
function loadSets(files: string[]): DataSet[] {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const stem = basename(file).replace(/\.(csv|tsv)$/, '').replace(/_(train|dev|test)$/, '');
    groups.set(stem, [...(groups.get(stem) ?? []), file]);
  }
  return [...groups].map(([name, members]) => {
    const train: Row[] = [];
    const test: Row[] = [];
    let classes: 2 | 3 = 2;
    for (const file of members) {
      const read = readRows(file);
      classes = read.classes;
      const role = /_train\.\w+$/.test(file) ? 'train' : /_(dev|test)\.\w+$/.test(file) ? 'test' : undefined;
      for (const row of read.rows) {
        const split = role ?? row.split;
        if (split === 'train') train.push(row);
        else if (split === 'test' || split === 'all') test.push(row);
      }
    }
    // A train file given alone is all there is to measure on.
    return { name, language: name.startsWith('en') ? 'en' : 'fr', labels: classes === 3 ? THREE : TWO, test: test.length > 0 ? test : train, train: test.length > 0 ? train : [] };
  });
}

// --- measuring --------------------------------------------------------------------------

const toLabels = (labels: readonly Label[], p: { label: Label; score: number }): Label => (labels.length === 3 ? p.label : p.score < 0 ? 'negative' : 'positive');

function measure(set: DataSet, predict: (text: string) => { label: Label; score: number }): Scores<Label> {
  return score(set.labels, set.test.map((r) => r.label), set.test.map((r) => toLabels(set.labels, predict(r.text))));
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

function printScores(name: string, s: Scores<Label>, withMatrix: boolean): void {
  console.log(`  ${name.padEnd(28)} accuracy ${pct(s.accuracy)}  macro-F1 ${pct(s.macroF1)}`);
  if (!withMatrix) return;
  console.log(`    confusion (rows gold, columns predicted): ${s.labels.map((l) => l.slice(0, 3).padStart(5)).join('')}`);
  for (const gold of s.labels) console.log(`    ${gold.padEnd(40)}${s.labels.map((p) => String(s.confusion[gold][p]).padStart(5)).join('')}`);
}

function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const copy = [...items];
  let state = seed * 0x9e3779b1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state ^ (state >>> 13), 0x5bd1e995) + 0x6b43a9b5) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function learningCurve(set: DataSet, baseline: number): void {
  if (set.train.length < CURVE[0]!) {
    console.log(`  learning: no train split of ${CURVE[0]} rows or more, skipped`);
    return;
  }
  const base = createDefaultClassifier();
  console.log(`  learning (workspace model blended with the default, mean of ${SEEDS.length} samples; default alone ${pct(baseline)}):`);
  for (const n of CURVE.filter((size) => size <= set.train.length)) {
    const runs = SEEDS.map((seed) => {
      const model = trainWorkspaceModel(sample(set.train, n, seed).map((r) => ({ text: r.text, sentiment: r.label })));
      const blended = createBlendedClassifier(base, model);
      return measure(set, (text) => { const c = blended.classify(text); return { label: c.sentiment, score: c.score }; }).macroF1;
    });
    const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
    console.log(`    N=${String(n).padStart(4)}  macro-F1 ${pct(mean)}  (${mean >= baseline ? '+' : '-'}${pct(Math.abs(mean - baseline)).trim()} points)`);
  }
}

function detectedLanguages(set: DataSet): string {
  const ours = createDefaultClassifier();
  const counts = { fr: 0, en: 0, other: 0 };
  for (const row of set.test) counts[ours.classify(row.text).language]++;
  const total = set.test.length;
  return `fr ${pct(counts.fr / total)}%, en ${pct(counts.en / total)}%, other ${pct(counts.other / total)}%`;
}

function main(): void {
  let files = process.argv.slice(2);
  const summary: string[] = [];
  if (files.length === 0) {
    const folder = fileURLToPath(new URL('../../shared/data/sentiment/', import.meta.url));
    if (!existsSync(folder)) {
      console.log(`eval:classify: no data sets at ${folder} (they are not part of this repository); pass a file to evaluate it.`);
      return;
    }
    files = readdirSync(folder).filter((f) => /\.(csv|tsv)$/.test(f)).sort().map((f) => join(folder, f));
  }
  for (const set of loadSets(files)) {
    const kind = set.labels.length === 3 ? '3 classes' : '2 classes, 3-way answers mapped by the sign of the score';
    console.log(`\n${set.name} (${set.language}, ${kind}; ${set.test.length} test rows, ${set.train.length} train rows)`);
    console.log(`  language detected on the test rows: ${detectedLanguages(set)}`);
    const results = systemsFor(set.language).map((system) => ({ system, scores: measure(set, system.predict) }));
    for (const { system, scores } of results) printScores(system.name, scores, true);
    const [ours, ...peers] = results;
    const gap = (ours!.scores.macroF1 - Math.max(...peers.map((p) => p.scores.macroF1))) * 100;
    console.log(`  relais − best peer: ${gap >= 0 ? '+' : ''}${gap.toFixed(1)} macro-F1 points (goal +10)`);
    summary.push(`  ${set.name.padEnd(32)} ${set.language}  ${results.map((r) => `${r.system.name} ${pct(r.scores.macroF1)}`).join(' | ')}`);
    learningCurve(set, ours!.scores.macroF1);
  }
  console.log(`\nsummary, macro-F1 on each set's test split:\n${summary.join('\n')}`);
}

main();
