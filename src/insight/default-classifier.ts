/**
 * The model that ships with Relais: offline and synchronous. Hand-written rules over
 * permissively licensed word lists (see `lexicon.ts`, `score-sentiment.ts`) read each
 * message; a small logistic regression (`sentiment-model.ts`), trained by
 * `npm run train:classify` on Relais's own labeled corpus, weighs what the rules found
 * together with the message's words and gives calibrated probabilities. Nothing is learned
 * from customer data here; a workspace's own corrections are layered on top by
 * `createBlendedClassifier`.
 */
import { SENTIMENTS, type Classification, type Classifier, type ClassifyHints, type Language } from './classifier.ts';
import { detectIntents } from './detect-intents.ts';
import { detectLanguage } from './detect-language.ts';
import { scoreSentiment, type SentimentScore } from './score-sentiment.ts';
import { sentimentFeatures, type SentimentFeatures } from './sentiment-features.ts';
import { sentimentLogits, shippedSentimentModel, softmax3, type SentimentModel } from './sentiment-model.ts';
import { tokenize, type TokenizedText } from './tokenize.ts';
import type { SentimentInput } from './train-logistic.ts';

/** Past this, a message is a pasted document; its opening says what it is about. */
const MAX_CHARS = 20_000;

export interface DefaultClassifierOptions {
  /** Another model file's weights (evaluation, training); the committed model otherwise. */
  model?: SentimentModel;
}

/** The default classifier, which can also hand over what its learned model read (for a workspace's fine-tuned sentiment). */
export interface DefaultClassifier extends Classifier {
  /** The classification, and the message's features and calibrated logits. */
  read(text: string, hints?: ClassifyHints): { classification: Classification; sentiment: SentimentInput };
}

/**
 * Creates the default classifier.
 *
 * @example
 * createDefaultClassifier().classify("Toujours pas reçu mon colis, c'est inadmissible 😡")
 * // { language: 'fr', sentiment: 'negative', intents: [complaint, order_issue/delivery], … }
 */
export function createDefaultClassifier(options: DefaultClassifierOptions = {}): DefaultClassifier {
  const model = options.model ?? shippedSentimentModel();
  return { classify: (text, hints) => classifyMessage(model, text, hints).classification, read: (text, hints) => classifyMessage(model, text, hints) };
}

export interface ReadMessage {
  tokenized: TokenizedText;
  language: Language;
  rules: SentimentScore;
  features: SentimentFeatures;
}

/** What the rules make of a message, as the learned model's input; used by the trainer too. */
export function readMessage(text: string, hints?: ClassifyHints): ReadMessage {
  const tokenized = tokenize(typeof text === 'string' ? text.slice(0, MAX_CHARS) : '');
  const language = detectLanguage(tokenized, hints);
  const rules = scoreSentiment(tokenized, language);
  return { tokenized, language, rules, features: sentimentFeatures(tokenized, rules, language) };
}

const round = (x: number): number => Math.round(x * 1000) / 1000 || 0;
const SCORE_SPREAD = 6;

function classifyMessage(model: SentimentModel, text: string, hints?: ClassifyHints): { classification: Classification; sentiment: SentimentInput } {
  const { tokenized, language, rules, features } = readMessage(text, hints);
  const [n, u, q] = sentimentLogits(model.weights, features);
  const read: SentimentInput = { features, logits: [n / model.temperature, u / model.temperature, q / model.temperature] };
  const p = softmax3(n / model.temperature, u / model.temperature, q / model.temperature);
  const best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[2] > p[1] ? 2 : 1;
  // The lean comes from the model's positive-versus-negative margin, shrunk by how likely
  // the message is to be neutral (a plain question barely leans). Its strength also hears
  // the rules, which weigh stress (capitals, "TRÈS", "!!!", elongations) word by word,
  // when they lean the same way; the sign is always the model's.
  const lean = Math.tanh((q - n) / SCORE_SPREAD) * (1 - p[1]);
  const score = round(Math.sign(lean) === Math.sign(rules.score) ? (lean + rules.score) / 2 : lean);
  const sentiment: SentimentScore = { ...rules, sentiment: SENTIMENTS[best]!, score, confidence: round(p[best]) };
  const intents = detectIntents(tokenized, sentiment);
  // Bait ("GAGNEZ un iPhone !!!") must not count as a happy customer in the brand picture.
  if (intents.some((i) => i.intent === 'spam')) {
    return { classification: { language, sentiment: 'neutral', score: 0, intents, confidence: sentiment.confidence }, sentiment: read };
  }
  return { classification: { language, sentiment: sentiment.sentiment, score: sentiment.score, intents, confidence: sentiment.confidence }, sentiment: read };
}
