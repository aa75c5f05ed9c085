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
import { createRequire } from 'node:module';
import Sentiment from 'sentiment';
import { createBlendedClassifier, createDefaultClassifier, score, trainWorkspaceModel, type Classifier, type Scores } from '../src/insight/index.ts';
import { loadSentimentModel } from '../src/insight/sentiment-model.ts';
import { DEFAULT_SETTINGS, trainSentimentModel } from '../src/insight/train-sentiment-model.ts';
import { buildTrainingExamples, measureHeldApart } from './sentiment-training.ts';
import { readFileSync } from 'node:fs';
import type { SentimentModelFile } from '../src/insight/sentiment-model.ts';
import { dataFiles, dataFolder, loadSets, type DataSet, type Label } from './sentiment-sets.ts';

interface System { name: string; predict(text: string): { label: Label; score: number } }

const CURVE = [100, 300, 1000];
const SEEDS = [1, 2, 3];

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
const NaturalAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as new (language: string, stemmer: unknown, type: string) => { getSentiment(words: string[]): number };
const stemmerFr = require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as unknown;
const TokenizerFr = require('natural/lib/natural/tokenizers/aggressive_tokenizer_fr.js') as new () => { tokenize(text: string): string[] };

const fromScore = (value: number, band: number): { label: Label; score: number } => ({ label: value > band ? 'positive' : value < -band ? 'negative' : 'neutral', score: value });

const asSystem = (name: string, classifier: Classifier): System => ({ name, predict: (text) => { const c = classifier.classify(text); return { label: c.sentiment, score: c.score }; } });

/**
 * For comparison only, never shipped: the same model also trained on the development sets'
 * train splits (their licences are research / non-commercial). Built in memory here.
 */
let devModelClassifier: Classifier | undefined;
function devSetsClassifier(): Classifier {
  devModelClassifier ??= createDefaultClassifier({ model: loadSentimentModel(trainSentimentModel(buildTrainingExamples({ withDevSets: true }).examples, { ...DEFAULT_SETTINGS, folds: 0 }, {})) });
  return devModelClassifier;
}

function systemsFor(language: 'fr' | 'en'): System[] {
  const relais = asSystem('relais default', createDefaultClassifier());
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
  console.log(`  learning (workspace model blended with the default, mean of ${SEEDS.length} samples of the train split):`);
  console.log(`    N=   0  macro-F1 ${pct(baseline)}  (the default alone)`);
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
    files = dataFiles();
    if (files.length === 0) {
      console.log(`eval:classify: no data sets at ${dataFolder()} (they are not part of this repository; set RELAIS_SENTIMENT_DATA); pass a file to evaluate it.`);
      return;
    }
  }
  const started = Date.now();
  for (const set of loadSets(files)) {
    const kind = set.labels.length === 3 ? '3 classes' : '2 classes, 3-way answers mapped by the sign of the score';
    console.log(`\n${set.name} (${set.language}, ${kind}; ${set.test.length} test rows, ${set.train.length} train rows)`);
    console.log(`  language detected on the test rows: ${detectedLanguages(set)}`);
    const results = systemsFor(set.language).map((system) => ({ system, scores: measure(set, system.predict) }));
    for (const { system, scores } of results) printScores(system.name, scores, true);
    const [ours, ...peers] = results;
    const gap = (ours!.scores.macroF1 - Math.max(...peers.map((p) => p.scores.macroF1))) * 100;
    const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
    console.log(`  relais − best peer: ${signed(gap)} macro-F1 points (goal +10: ${gap >= 10 ? 'met' : 'NOT met'})`);
    const dev = measure(set, asSystem('', devSetsClassifier()).predict);
    const devGap = (dev.macroF1 - Math.max(...peers.map((p) => p.scores.macroF1))) * 100;
    console.log(`  for comparison, not shipped: the same model also trained on the sets' train splits ${pct(dev.macroF1)} (${signed(devGap)} over the best peer)`);
    summary.push(`  ${set.name.padEnd(30)} ${set.language}  ${results.map((r) => `${r.system.name} ${pct(r.scores.macroF1)}`).join(' | ')} | gap ${signed(gap)} | dev-trained ${pct(dev.macroF1)}`);
    learningCurve(set, ours!.scores.macroF1);
  }
  const shippedFile = JSON.parse(readFileSync(new URL('../src/insight/sentiment-model.json', import.meta.url), 'utf8')) as SentimentModelFile;
  const held = measureHeldApart(shippedFile) as { all: { rows: number; macroF1: number }; calibration: { expectedCalibrationError: number } } | undefined;
  if (held) console.log(`\nthe shipped model's probabilities on the three-class sets' val rows (${held.all.rows} rows, printed only): macro-F1 ${pct(held.all.macroF1)}, expected calibration error ${held.calibration.expectedCalibrationError.toFixed(3)}`);
  console.log(`\nsummary, macro-F1 on each set's test split:\n${summary.join('\n')}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main();
