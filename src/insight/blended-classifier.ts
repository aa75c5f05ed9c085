/**
 * The default model with a workspace's corrections layered on top. The blend rule:
 * - sentiment: the default alone until the workspace model has learned from
 *   MIN_SENTIMENT_CORRECTIONS corrections AND, cross-validated on them, beats the default's
 *   macro-F1 by MIN_GAIN (a tie is not enough); from then on the workspace
 *   model decides. It is the default's own model with a change learnt from the corrections
 *   and pulled towards none, so the hand-over is gradual: with few corrections it mostly
 *   repeats the default.
 * - intents: each intent the model learned from at least MIN_INTENT_CORRECTIONS
 *   corrections naming it, and as many not naming it, is added or removed by the model
 *   (probability ≥ 0.5); other intents are the default's.
 * Language always comes from the default.
 */
import { intentKey, parseIntentKey, SENTIMENTS, type Classification, type Classifier, type ClassifyHints, type Intent } from './classifier.ts';
import type { DefaultClassifier } from './default-classifier.ts';
import { hashedFeatures } from './hashed-features.ts';
import type { SentimentModel } from './sentiment-model.ts';
import { intentProbability, sentimentProbabilities } from './train-logistic.ts';
import { sentimentInput, type WorkspaceModel } from './workspace-model.ts';

export const MIN_SENTIMENT_CORRECTIONS = 30;
export const MIN_INTENT_CORRECTIONS = 5;
/**
 * The fine-tuned model starts from the default and is pulled towards it, and its cross-
 * validation on the corrections underestimates it (on the development sets' val splits, a
 * 2-point margin kept out models that did better: ADR 0018), so any gain (0.1 point, the
 * rounding of the measured figures) lets it decide.
 */
export const MIN_GAIN = 0.001;

/**
 * Wraps a classifier with a workspace model.
 *
 * @example createBlendedClassifier(createDefaultClassifier(), model).classify("c'est de la bombe").sentiment === 'positive'
 */
export function createBlendedClassifier(defaultClassifier: Classifier, model: WorkspaceModel, shipped?: SentimentModel): Classifier {
  const measured = model.sentiment.measured;
  const useSentiment = model.sentiment.examples >= MIN_SENTIMENT_CORRECTIONS && measured !== undefined && measured.modelMacroF1 >= measured.defaultMacroF1 + MIN_GAIN;
  const learnedIntents = Object.entries(model.intents)
    .filter(([, w]) => w.positives >= MIN_INTENT_CORRECTIONS && w.negatives >= MIN_INTENT_CORRECTIONS)
    .flatMap(([label, weights]) => {
      const intent = parseIntentKey(label);
      return intent ? [{ label, intent, weights }] : [];
    });
  if (!useSentiment && learnedIntents.length === 0) return defaultClassifier;

  // The shipped default hands over what it read, so the message is read once.
  const reader = shipped === undefined && 'read' in defaultClassifier ? (defaultClassifier as DefaultClassifier) : undefined;
  return {
    classify(text: string, hints?: ClassifyHints): Classification {
      const read = useSentiment && reader ? reader.read(text, hints) : undefined;
      const base = read?.classification ?? defaultClassifier.classify(text, hints);
      let result = base;
      if (useSentiment) {
        // Read as the default read it (same hints), then moved by the workspace's change.
        const p = sentimentProbabilities(model.sentiment, read?.sentiment ?? sentimentInput(typeof text === 'string' ? text : '', hints?.language, shipped));
        const best = p.indexOf(Math.max(...p));
        const score = Math.round((p[2]! - p[0]!) * 1000) / 1000;
        result = { ...result, sentiment: SENTIMENTS[best]!, score, confidence: Math.round(p[best]! * 1000) / 1000 };
      }
      if (learnedIntents.length > 0) {
        const features = hashedFeatures(typeof text === 'string' ? text : '');
        const keep = new Map<string, boolean>();
        for (const { label, weights } of learnedIntents) keep.set(label, intentProbability(weights, label, features, base) >= 0.5);
        const intents: Intent[] = base.intents.filter((i) => i.intent !== 'other' && keep.get(intentKey(i)) !== false);
        for (const { label, intent } of learnedIntents) if (keep.get(label) && !intents.some((i) => intentKey(i) === label)) intents.push(intent);
        result = { ...result, intents: intents.length > 0 ? intents : [{ intent: 'other' }] };
      }
      return result;
    },
  };
}
