/**
 * The arithmetic of the workspace model.
 * - Sentiment: the shipped model fine-tuned on the corrections. The workspace keeps only a
 *   change (`delta`) to the shipped model's weights, on the same features (the rules' dense
 *   features and the hashed n-grams of `sentiment-features.ts`), learnt by AdaGrad from the
 *   shipped model's calibrated logits and pulled towards no change (L2 on the delta), so an
 *   untrained model is the default exactly and few corrections move it little.
 * - Intents: logistic regressions over `hashed-features.ts`, stacked on the default's answer,
 *   whose weight is regularized towards its starting value ("trust the default").
 */
import { intentKey, SENTIMENTS, type Classification } from './classifier.ts';
import type { Measured } from './cross-validate.ts';
import type { FeatureVector } from './hashed-features.ts';
import type { SentimentFeatures } from './sentiment-features.ts';
import type { PreparedExample } from './workspace-model.ts';

export interface SentimentWeights {
  /** Corrections with a sentiment it was trained on. */
  examples: number;
  /** Cross-validated on the corrections of the last training; absent under MIN_MEASURED examples. */
  measured?: Measured;
  /** Feature index (`sentiment-features.ts`) → change of the shipped model's per-class weights (negative, neutral, positive), on its temperature-scaled logits. */
  delta: Record<string, number[]>;
}

/** A message as the sentiment fine-tuning reads it: its features and the shipped model's calibrated logits. */
export interface SentimentInput {
  features: SentimentFeatures;
  logits: [number, number, number];
}

/** AdaGrad step, passes and pull towards the shipped weights, chosen on the val splits of the development sets (ADR 0018). */
const TUNE_RATE = 0.05;
const TUNE_PULL = 1e-4;

export interface IntentWeights {
  positives: number;
  negatives: number;
  bias: number;
  /** Weight on "the default model found this intent". */
  base: number;
  weights: Record<string, number>;
}

const INTENT_PRIOR = { bias: -2, base: 4 };
const LEARNING_RATE = 0.3;
// Feature vectors are L2-normalized, so each n-gram carries a small value and needs a
// larger step than the default's answer, which is one-hot.
const NGRAM_RATE = 3;
const L2 = 1e-4;
const PRIOR_PULL = 0.01;

export function sentimentProbabilities(model: SentimentWeights, input: SentimentInput): number[] {
  const z = [...input.logits];
  const { index, value } = input.features;
  for (let i = 0; i < index.length; i++) {
    const w = model.delta[index[i]!];
    if (w) for (let c = 0; c < 3; c++) z[c]! += w[c]! * value[i]!;
  }
  return softmax(z);
}

export function intentProbability(model: IntentWeights, label: string, features: FeatureVector, base: Classification): number {
  let z = model.bias + (base.intents.some((i) => intentKey(i) === label) ? model.base : 0);
  for (const [bucket, value] of features) z += (model.weights[bucket] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

export function fitSentiment(examples: PreparedExample[], previous: SentimentWeights | undefined, epochs: number): SentimentWeights {
  const delta = new Map<number, Float64Array>(Object.entries(previous?.delta ?? {}).map(([k, w]) => [Number(k), Float64Array.from(w)]));
  const squared = new Map<number, Float64Array>();
  const order = shuffled(examples.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const index of order) {
      const example = examples[index]!;
      const target = SENTIMENTS.indexOf(example.correction.sentiment!);
      const { features, logits } = example.sentiment;
      const z = [...logits];
      for (let i = 0; i < features.index.length; i++) {
        const w = delta.get(features.index[i]!);
        if (w) for (let c = 0; c < 3; c++) z[c]! += w[c]! * features.value[i]!;
      }
      const p = softmax(z);
      for (let i = 0; i < features.index.length; i++) {
        const at = features.index[i]!;
        const w = delta.get(at) ?? delta.set(at, new Float64Array(3)).get(at)!;
        const g2 = squared.get(at) ?? squared.set(at, new Float64Array(3).fill(1e-8)).get(at)!;
        for (let c = 0; c < 3; c++) {
          const gradient = (p[c]! - (c === target ? 1 : 0)) * features.value[i]! + TUNE_PULL * w[c]!;
          g2[c]! += gradient * gradient;
          w[c]! -= (TUNE_RATE * gradient) / Math.sqrt(g2[c]!);
        }
      }
    }
  }
  const out: Record<string, number[]> = {};
  for (const [at, w] of [...delta].sort((x, y) => x[0] - y[0])) if (w.some((x) => Math.abs(x) >= 1e-4)) out[at] = [...w].map(round);
  return { examples: (previous?.examples ?? 0) + examples.length, delta: out };
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

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
