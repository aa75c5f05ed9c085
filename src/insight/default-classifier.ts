/**
 * The model that ships with Relais: offline, synchronous, built only from permissively
 * licensed word lists and hand-written rules (see `lexicon.ts`). Nothing is learned from
 * customer data here; a workspace's own corrections are layered on top by
 * `createBlendedClassifier`.
 */
import type { Classification, Classifier, ClassifyHints } from './classifier.ts';
import { detectIntents } from './detect-intents.ts';
import { detectLanguage } from './detect-language.ts';
import { scoreSentiment } from './score-sentiment.ts';
import { tokenize } from './tokenize.ts';

/** Past this, a message is a pasted document; its opening says what it is about. */
const MAX_CHARS = 20_000;

/**
 * Creates the default classifier.
 *
 * @example
 * createDefaultClassifier().classify("Toujours pas reçu mon colis, c'est inadmissible 😡")
 * // { language: 'fr', sentiment: 'negative', intents: [complaint, order_issue/delivery], … }
 */
export function createDefaultClassifier(): Classifier {
  return { classify: classifyWithRules };
}

function classifyWithRules(text: string, hints?: ClassifyHints): Classification {
  const tokenized = tokenize(typeof text === 'string' ? text.slice(0, MAX_CHARS) : '');
  const language = detectLanguage(tokenized, hints);
  const sentiment = scoreSentiment(tokenized, language);
  const intents = detectIntents(tokenized, sentiment);
  // Bait ("GAGNEZ un iPhone !!!") must not count as a happy customer in the brand picture.
  if (intents.some((i) => i.intent === 'spam')) {
    return { language, sentiment: 'neutral', score: 0, intents, confidence: sentiment.confidence };
  }
  return { language, sentiment: sentiment.sentiment, score: sentiment.score, intents, confidence: sentiment.confidence };
}
