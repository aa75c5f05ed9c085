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
  /** A message of the corpus (not a lexicon entry), with its language: the held-out confusion counts these. */
  message?: 'fr' | 'en';
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

interface HeldOut { logits: number[]; example: TrainingExample }

/** Each example's logits from a model trained on the other folds (k-fold, fold = index mod k). */
function outOfFold(examples: readonly TrainingExample[], settings: TrainSettings): HeldOut[] {
  const held: HeldOut[] = [];
  for (let fold = 0; fold < settings.folds; fold++) {
    const weights = fitWeights(examples.filter((_, i) => i % settings.folds !== fold), settings);
    examples.forEach((example, i) => {
      if (i % settings.folds === fold) held.push({ logits: sentimentLogits(weights, example.features), example });
    });
  }
  return held;
}

/** The temperature (1 … 3, by 0.05; never sharper than the fit: a small, clean corpus is easier than real messages) that minimizes the log-loss of out-of-fold predictions. */
function fitTemperature(held: readonly HeldOut[]): number {
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

/** Rows: true sentiment; columns: the answer (order negative, neutral, positive). */
export type ConfusionMatrix = [number, number, number][];

/**
 * The held-out confusion published with the model: the corpus's messages, each answered
 * by the fold model that never saw it (the same out-of-fold predictions the temperature is
 * fitted on), overall and per language, with the calibration of the answers' confidence.
 */
export interface HeldOutConfusion {
  about: string;
  classes: Sentiment[];
  folds: number;
  messages: number;
  counts: ConfusionMatrix;
  byLanguage: Record<'fr' | 'en', ConfusionMatrix>;
  expectedCalibrationError: number;
}

function heldOutConfusion(held: readonly HeldOut[], temperature: number, folds: number): HeldOutConfusion {
  const empty = (): ConfusionMatrix => [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const counts = empty();
  const byLanguage = { fr: empty(), en: empty() };
  const bins = Array.from({ length: 10 }, () => ({ rows: 0, confidence: 0, right: 0 }));
  let messages = 0;
  for (const { logits, example } of held) {
    if (!example.message || example.twoClass) continue;
    const p = probabilities(logits, temperature, false);
    const answer = p.indexOf(Math.max(...p));
    const truth = SENTIMENTS.indexOf(example.label);
    counts[truth]![answer]! += 1;
    byLanguage[example.message][truth]![answer]! += 1;
    const bin = bins[Math.min(9, Math.floor(p[answer]! * 10))]!;
    bin.rows += 1;
    bin.confidence += p[answer]!;
    bin.right += answer === truth ? 1 : 0;
    messages += 1;
  }
  const ece = bins.reduce((sum, bin) => sum + Math.abs(bin.confidence - bin.right), 0) / Math.max(1, messages);
  return {
    about: 'Confusion of the shipped sentiment model on Relais\'s own corpus (src/insight/care-corpus.ts), each message answered by a model trained without it (k-fold out-of-fold, the predictions the temperature is fitted on). Rows: true sentiment; columns: the answer. The reports\' adjusted sentiment share starts from it and moves to a workspace\'s own confusion as its agents correct messages (docs/metrics.md). Made by npm run train:classify.',
    classes: [...SENTIMENTS],
    folds,
    messages,
    counts,
    byLanguage,
    expectedCalibrationError: Math.round(ece * 1000) / 1000,
  };
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
  return trainSentimentModelAndConfusion(examples, settings, trainedOn).model;
}

/** The model file, and (with `settings.folds` ≥ 2) its held-out confusion on the corpus's messages. */
export function trainSentimentModelAndConfusion(examples: readonly TrainingExample[], settings: TrainSettings, trainedOn: Record<string, number>): { model: SentimentModelFile; confusion?: HeldOutConfusion } {
  const weights = fitWeights(examples, settings);
  const held = settings.folds >= 2 ? outOfFold(examples, settings) : [];
  const temperature = held.length > 0 ? fitTemperature(held) : 1;
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
  const model: SentimentModelFile = {
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
  return held.length > 0 ? { model, confusion: heldOutConfusion(held, temperature, settings.folds) } : { model };
}

/** The confusion file's text (two-space JSON, a matrix row a line). */
export function serializeConfusion(confusion: HeldOutConfusion): string {
  return `${JSON.stringify(confusion, null, 2).replace(/\[\s+(-?\d+),\s+(-?\d+),\s+(-?\d+)\s+\]/g, '[$1, $2, $3]')}\n`;
}

/** The file's text: one top-level key per line, so a diff shows what moved. */
export function serializeSentimentModel(file: SentimentModelFile): string {
  const lines = Object.entries(file).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
