import type { Message, Sentiment } from '../../../../../src/contracts/index.ts';
import type { ClassificationCorrection } from '../../api/insight.ts';
import type { MessageKey } from '../../i18n/index.ts';

export const sentiments: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

/** Every intent the server accepts in a correction (src/http/routes/inbox.validators.ts), in menu order. */
export const intentKeys = [
  'question', 'complaint',
  'order_issue/delivery', 'order_issue/missing_item', 'order_issue/damaged', 'order_issue/billing', 'order_issue/return_refund',
  'praise', 'purchase_intent', 'spam', 'other',
] as const;
export type IntentKey = (typeof intentKeys)[number];

export const isIntentKey = (value: string): value is IntentKey => (intentKeys as readonly string[]).includes(value);

export const isSentiment = (value: string | null | undefined): value is Sentiment => sentiments.includes(value as Sentiment);

/** The dictionary key for an intent, or undefined for one this console does not know (shown as is). */
export function intentLabelKey(intent: string): MessageKey | undefined {
  return isIntentKey(intent) ? `intent.${intent}` : undefined;
}

/** What the list row says: the latest sentiment, and whether something worse came earlier. */
export function rowSentiment(c: { sentiment: Sentiment | null; worstSentiment: Sentiment | null }): { latest: Sentiment | null; earlierNegative: boolean } {
  return { latest: c.sentiment, earlierNegative: c.worstSentiment === 'negative' && c.sentiment !== 'negative' };
}

/** Only customer messages carry (and take) a classification. */
export function isClassifiable(message: Pick<Message, 'direction' | 'kind'>): boolean {
  return message.direction === 'in' && message.kind !== 'note';
}

/** One click on a sentiment: only that is sent, so the intents stay as they are. */
export function sentimentCorrection(sentiment: Sentiment): ClassificationCorrection {
  return { sentiment };
}

/**
 * One click on an intent: the full corrected list (the server reads missing intents as
 * "not this one"), in menu order. A key the server would refuse is dropped, never sent.
 */
export function intentToggleCorrection(current: readonly string[], intent: IntentKey): ClassificationCorrection {
  const has = current.includes(intent);
  const known = intentKeys.filter((key) => (key === intent ? !has : current.includes(key)));
  return { intents: [...known] };
}
