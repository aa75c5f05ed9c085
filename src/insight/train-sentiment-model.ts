/**
 * Trains the shipped sentiment model (`sentiment-model.ts`): multinomial logistic
 * regression by AdaGrad, examples visited in a seeded order, L2 regularization, then a
 * temperature fitted on out-of-fold predictions (k-fold over the same examples) so the
 * probabilities are calibrated. Pure and deterministic: the same examples and settings
 * give the same bytes, which `npm run train:classify` and its test rely on.
 */
import { SENTIMENTS, type Sentiment } from './classifier.ts';
import { DENSE_FEATURES, FEATURE_COUNT, SENTIMENT_HASH_BITS, type SentimentFeatures } from './sentiment-features.ts';
import { sentimentLogits, type SentimentModelFile } from './sentiment-model.ts';

export interface TrainingExample {
  features: SentimentFeatures;
  label: Sentiment;
  /** From a negative/positive set: the neutral class is left out of its loss. */
  twoClass: boolean;
  /** How much the example counts (1 for a message). */
  weight: number;
}

export interface TrainSettings {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** Folds for the temperature; 0 keeps a temperature of 1. */
  folds: number;
}

export const DEFAULT_SETTINGS: TrainSettings = { epochs: 6, rate: 0.1, l2: 1e-5, seed: 20261207, folds: 4 };

/** Weights, FEATURE_COUNT × 3, feature-major. */
export function fitWeights(examples: readonly TrainingExample[], settings: TrainSettings): Float64Array {
  const weights = new Float64Array(FEATURE_COUNT * 3);
  const squared = new Float64Array(FEATURE_COUNT * 3).fill(1e-8);
  const order = examples.map((_, i) => i);
  let seed = settings.seed >>> 0;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const example = examples[k]!;
      const target = SENTIMENTS.indexOf(example.label);
      const p = probabilities(sentimentLogits(weights, example.features), 1, example.twoClass);
      const { index, value } = example.features;
      for (let a = 0; a < index.length; a++) {
        for (let c = 0; c < 3; c++) {
          if (example.twoClass && c === 1) continue;
          const at = index[a]! * 3 + c;
          const gradient = example.weight * (p[c]! - (c === target ? 1 : 0)) * value[a]! + settings.l2 * weights[at]!;
          squared[at]! += gradient * gradient;
          weights[at]! -= (settings.rate * gradient) / Math.sqrt(squared[at]!);
        }
      }
    }
  }
  return weights;
}

function probabilities(logits: number[], temperature: number, twoClass: boolean): number[] {
  const z = logits.map((x) => x / temperature);
  if (twoClass) z[1] = -Infinity;
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / sum);
}

/** The temperature (1 … 3, by 0.05; never sharper than the fit: a small, clean corpus is easier than real messages) that minimizes the log-loss of out-of-fold predictions. */
export function fitTemperature(examples: readonly TrainingExample[], settings: TrainSettings): number {
  if (settings.folds < 2) return 1;
  const held: { logits: number[]; example: TrainingExample }[] = [];
  for (let fold = 0; fold < settings.folds; fold++) {
    const weights = fitWeights(examples.filter((_, i) => i % settings.folds !== fold), settings);
    examples.forEach((example, i) => {
      if (i % settings.folds === fold) held.push({ logits: sentimentLogits(weights, example.features), example });
    });
  }
  let best = 1;
  let bestLoss = Infinity;
  for (let step = 20; step <= 60; step++) {
    const t = step / 20;
    let loss = 0;
    for (const { logits, example } of held) loss -= example.weight * Math.log(Math.max(1e-12, probabilities(logits, t, example.twoClass)[SENTIMENTS.indexOf(example.label)]!));
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}

const round = (x: number): number => {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
};

/**
 * Trains and packs a model file. Buckets whose three weights all round to under 0.001 are
 * dropped: they change no answer and would only weigh on the repository.
 */
export function trainSentimentModel(examples: readonly TrainingExample[], settings: TrainSettings, trainedOn: Record<string, number>): SentimentModelFile {
  const weights = fitWeights(examples, settings);
  const temperature = fitTemperature(examples, settings);
  const buckets: number[] = [];
  const packed: number[] = [];
  const hashSize = 1 << SENTIMENT_HASH_BITS;
  for (let b = 0; b < hashSize; b++) {
    const row = [weights[b * 3]!, weights[b * 3 + 1]!, weights[b * 3 + 2]!];
    if (row.every((w) => Math.abs(w) < 1e-3)) continue;
    buckets.push(b);
    packed.push(...row.map(round));
  }
  const dense = DENSE_FEATURES.map((_, k) => [0, 1, 2].map((c) => round(weights[(hashSize + k) * 3 + c]!)));
  return {
    format: 'relais.sentiment-model',
    version: 1,
    hashBits: SENTIMENT_HASH_BITS,
    classes: [...SENTIMENTS],
    temperature,
    trainedOn,
    dense: { names: [...DENSE_FEATURES], weights: dense },
    buckets,
    weights: packed,
  };
}

/** The file's text: one top-level key per line, so a diff shows what moved. */
export function serializeSentimentModel(file: SentimentModelFile): string {
  const lines = Object.entries(file).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
