/**
 * A workspace's own model, learned from its agents' corrections: for sentiment, the shipped
 * model fine-tuned on them (a stored change to its weights, pulled towards none); for
 * intents, one-vs-rest logistic regressions over hashed word and character n-grams stacked
 * on the default model's answer, whose weight starts at "trust the default". Either way an
 * untrained or lightly trained model agrees with the default and drifts from it only where
 * the team's corrections say so. Plain JSON, to be stored per workspace.
 */
import { intentKey, type Classification, type Classifier, type Intent, type Sentiment } from './classifier.ts';
import { crossValidateSentiment, type Measured } from './cross-validate.ts';
import { createDefaultClassifier, readMessage } from './default-classifier.ts';
import { HASH_BITS, hashedFeatures, type FeatureVector } from './hashed-features.ts';
import { sentimentLogits, shippedSentimentModel, type SentimentModel } from './sentiment-model.ts';
import { fitIntent, fitSentiment, type IntentWeights, type SentimentInput, type SentimentWeights } from './train-logistic.ts';

/** One agent correction: the message and what the agent says it is. */
export interface Correction {
  text: string;
  language?: 'fr' | 'en';
  sentiment?: Sentiment;
  /** The full corrected list; intents it does not name count as "not this intent". */
  intents?: Intent[];
}

export interface WorkspaceModel {
  format: 'relais.workspace-model';
  /** 2: sentiment is a fine-tuning of the shipped model (1 stacked a separate model on its answer). */
  version: 2;
  hashBits: number;
  sentiment: SentimentWeights;
  /** Keyed by `intentKey`, e.g. "order_issue/delivery". */
  intents: Record<string, IntentWeights>;
}

export interface TrainOptions {
  /** The model whose answers are stacked under the workspace's; the shipped default unless a test says otherwise. */
  base?: Classifier;
  /** Passes over the examples for intents (default 12). */
  epochs?: number;
  /** The shipped sentiment model the workspace's sentiment fine-tunes; the committed one unless a test says otherwise. */
  model?: SentimentModel;
}

/** Passes over the corrections when fine-tuning sentiment (chosen on the development sets' val splits, ADR 0018). */
export const SENTIMENT_EPOCHS = 5;

/** What the sentiment fine-tuning reads of a message. */
export function sentimentInput(text: string, language: 'fr' | 'en' | undefined, model: SentimentModel = shippedSentimentModel()): SentimentInput {
  const { features } = readMessage(text, language ? { language } : undefined);
  const [n, u, p] = sentimentLogits(model.weights, features);
  return { features, logits: [n / model.temperature, u / model.temperature, p / model.temperature] };
}

/** An intent needs this many corrections naming it before the model learns it. */
const MIN_INTENT_POSITIVES = 3;
/** Fewer corrections than this cannot be split into folds that mean anything. */
const MIN_MEASURED = 30;

export interface PreparedExample {
  features: FeatureVector;
  base: Classification;
  sentiment: SentimentInput;
  correction: Correction;
}

/**
 * Trains (or, given `previous`, keeps training) a workspace model. Pure: the same inputs
 * give the same model. With `previous`, only the new corrections are passed; they are
 * also what the model is measured on (cross-validated, from 30 of them), so a small batch
 * keeps the previous measurement. Retraining from all corrections is the surest.
 *
 * @example
 * const model = trainWorkspaceModel([{ text: "c'est de la bombe", sentiment: 'positive' }, …]);
 * const classifier = createBlendedClassifier(createDefaultClassifier(), model);
 */
export function trainWorkspaceModel(examples: readonly Correction[], previous?: WorkspaceModel, options: TrainOptions = {}): WorkspaceModel {
  const base = options.base ?? createDefaultClassifier();
  const epochs = options.epochs ?? 12;
  const prepared: PreparedExample[] = examples.map((correction) => ({
    correction,
    features: hashedFeatures(correction.text),
    base: base.classify(correction.text, correction.language ? { language: correction.language } : undefined),
    sentiment: sentimentInput(correction.text, correction.language, options.model),
  }));

  const sentimentExamples = prepared.filter((e) => e.correction.sentiment !== undefined);
  const sentiment = fitSentiment(sentimentExamples, previous?.sentiment, SENTIMENT_EPOCHS);
  if (sentimentExamples.length >= MIN_MEASURED) sentiment.measured = crossValidateSentiment(sentimentExamples, previous?.sentiment, SENTIMENT_EPOCHS);
  else if (previous?.sentiment.measured) sentiment.measured = previous.sentiment.measured;

  const intents: Record<string, IntentWeights> = { ...(previous?.intents ?? {}) };
  const withIntents = prepared.filter((e) => e.correction.intents !== undefined);
  const labels = new Set(withIntents.flatMap((e) => e.correction.intents!.map(intentKey)));
  for (const label of labels) {
    const positives = withIntents.filter((e) => e.correction.intents!.some((i) => intentKey(i) === label)).length;
    if (positives + (previous?.intents[label]?.positives ?? 0) < MIN_INTENT_POSITIVES) continue;
    intents[label] = fitIntent(label, withIntents, previous?.intents[label], epochs);
  }
  return { format: 'relais.workspace-model', version: 2, hashBits: HASH_BITS, sentiment, intents };
}

/** How much a model has learned, for the admin view ("trained on 240 corrections"). */
export function describeWorkspaceModel(model: WorkspaceModel): { sentimentExamples: number; measured?: Measured; intents: Record<string, number> } {
  return {
    sentimentExamples: model.sentiment.examples,
    ...(model.sentiment.measured ? { measured: model.sentiment.measured } : {}),
    intents: Object.fromEntries(Object.entries(model.intents).map(([label, w]) => [label, w.positives])),
  };
}
