/**
 * The arithmetic of the workspace model: stochastic gradient descent on logistic losses,
 * sparse weights keyed by hashed bucket, and the stacking on the default model's answer.
 * Weights on the default's answer are regularized towards their starting values ("trust
 * the default") rather than towards zero, so few corrections cannot silence the default.
 */
import { intentKey, SENTIMENTS, type Classification } from './classifier.ts';
import type { Measured } from './cross-validate.ts';
import type { FeatureVector } from './hashed-features.ts';
import type { PreparedExample } from './workspace-model.ts';

export interface SentimentWeights {
  /** Corrections with a sentiment it was trained on. */
  examples: number;
  /** Cross-validated on the corrections of the last training; absent under MIN_MEASURED examples. */
  measured?: Measured;
  /** Per class (negative, neutral, positive). */
  bias: number[];
  /** Per class, weights on the default's answer: [is negative, is neutral, is positive, score]. */
  base: number[][];
  /** Bucket → per-class weights. */
  weights: Record<string, number[]>;
}

export interface IntentWeights {
  positives: number;
  negatives: number;
  bias: number;
  /** Weight on "the default model found this intent". */
  base: number;
  weights: Record<string, number>;
}

const SENTIMENT_PRIOR = [[2, 0, 0, -1], [0, 2, 0, 0], [0, 0, 2, 1]];
const INTENT_PRIOR = { bias: -2, base: 4 };
const LEARNING_RATE = 0.3;
// Feature vectors are L2-normalized, so each n-gram carries a small value and needs a
// larger step than the default's answer, which is one-hot.
const NGRAM_RATE = 3;
const L2 = 1e-4;
const PRIOR_PULL = 0.01;

export function baseFeatures(base: Classification): number[] {
  return [base.sentiment === 'negative' ? 1 : 0, base.sentiment === 'neutral' ? 1 : 0, base.sentiment === 'positive' ? 1 : 0, base.score];
}

export function sentimentProbabilities(model: SentimentWeights, features: FeatureVector, base: Classification): number[] {
  const b = baseFeatures(base);
  const logits = SENTIMENTS.map((_, c) => model.bias[c]! + model.base[c]!.reduce((sum, w, k) => sum + w * b[k]!, 0));
  for (const [bucket, value] of features) {
    const w = model.weights[bucket];
    if (w) for (let c = 0; c < 3; c++) logits[c]! += w[c]! * value;
  }
  return softmax(logits);
}

export function intentProbability(model: IntentWeights, label: string, features: FeatureVector, base: Classification): number {
  let z = model.bias + (base.intents.some((i) => intentKey(i) === label) ? model.base : 0);
  for (const [bucket, value] of features) z += (model.weights[bucket] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

export function fitSentiment(examples: PreparedExample[], previous: SentimentWeights | undefined, epochs: number): SentimentWeights {
  const model: SentimentWeights = previous
    ? { examples: previous.examples, bias: [...previous.bias], base: previous.base.map((row) => [...row]), weights: cloneRows(previous.weights) }
    : { examples: 0, bias: [0, 0, 0], base: SENTIMENT_PRIOR.map((row) => [...row]), weights: {} };
  const order = shuffled(examples.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch);
    for (const index of order) {
      const example = examples[index]!;
      const target = SENTIMENTS.indexOf(example.correction.sentiment!);
      const p = sentimentProbabilities(model, example.features, example.base);
      const b = baseFeatures(example.base);
      for (let c = 0; c < 3; c++) {
        const gradient = p[c]! - (c === target ? 1 : 0);
        model.bias[c]! -= rate * gradient;
        const row = model.base[c]!;
        for (let k = 0; k < row.length; k++) row[k]! -= rate * (gradient * b[k]! + PRIOR_PULL * (row[k]! - SENTIMENT_PRIOR[c]![k]!));
        for (const [bucket, value] of example.features) {
          const w = (model.weights[bucket] ??= [0, 0, 0]);
          w[c]! -= rate * NGRAM_RATE * (gradient * value + L2 * w[c]!);
        }
      }
    }
  }
  model.examples += examples.length;
  return { ...model, bias: model.bias.map(round), base: model.base.map((row) => row.map(round)), weights: compactRows(model.weights) };
}

export function fitIntent(label: string, examples: PreparedExample[], previous: IntentWeights | undefined, epochs: number): IntentWeights {
  const model: IntentWeights = previous
    ? { ...previous, weights: { ...previous.weights } }
    : { positives: 0, negatives: 0, bias: INTENT_PRIOR.bias, base: INTENT_PRIOR.base, weights: {} };
  const targets = examples.map((e) => (e.correction.intents!.some((i) => intentKey(i) === label) ? 1 : 0));
  const order = shuffled(examples.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch);
    for (const index of order) {
      const example = examples[index]!;
      const gradient = intentProbability(model, label, example.features, example.base) - targets[index]!;
      const hasBase = example.base.intents.some((i) => intentKey(i) === label) ? 1 : 0;
      model.bias -= rate * (gradient + PRIOR_PULL * (model.bias - INTENT_PRIOR.bias));
      model.base -= rate * (gradient * hasBase + PRIOR_PULL * (model.base - INTENT_PRIOR.base));
      for (const [bucket, value] of example.features) {
        const w = model.weights[bucket] ?? 0;
        model.weights[bucket] = w - rate * NGRAM_RATE * (gradient * value + L2 * w);
      }
    }
  }
  const positives = targets.reduce<number>((sum, t) => sum + t, 0);
  const weights: Record<string, number> = {};
  for (const [bucket, w] of Object.entries(model.weights)) if (Math.abs(w) >= 1e-4) weights[bucket] = round(w);
  return { positives: model.positives + positives, negatives: model.negatives + examples.length - positives, bias: round(model.bias), base: round(model.base), weights };
}

function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** A fixed pseudo-random order, so training is reproducible and not biased by the order corrections came in. */
function shuffled(length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  let seed = 0x9e3779b9;
  for (let i = length - 1; i > 0; i--) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function cloneRows(rows: Record<string, number[]>): Record<string, number[]> {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, [...v]]));
}

/** Drops weights too small to matter and rounds the rest: the stored JSON stays small. */
function compactRows(rows: Record<string, number[]>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [bucket, w] of Object.entries(rows)) if (w.some((x) => Math.abs(x) >= 1e-4)) out[bucket] = w.map(round);
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
