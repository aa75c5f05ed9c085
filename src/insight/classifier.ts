/**
 * The `Classifier` seam: what the processing job, rules, filters and reports see of an
 * inbound message's language, sentiment and intents. The default model and a workspace's
 * blended model both implement it, so callers never know which one answered.
 */

export type Language = 'fr' | 'en' | 'other';
export type Sentiment = 'negative' | 'neutral' | 'positive';

export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

export type OrderIssueSubtype = 'delivery' | 'missing_item' | 'damaged' | 'billing' | 'return_refund';

export const ORDER_ISSUE_SUBTYPES: readonly OrderIssueSubtype[] = ['delivery', 'missing_item', 'damaged', 'billing', 'return_refund'];

/**
 * One detected intent. An order issue always names what went wrong, so rules can route
 * "damaged" to returns and "billing" to accounting; a message may carry several.
 */
export type Intent =
  | { intent: 'question' | 'complaint' | 'praise' | 'purchase_intent' | 'spam' | 'other' }
  | { intent: 'order_issue'; subtype: OrderIssueSubtype };

export type IntentName = Intent['intent'];

export interface ClassifyHints {
  /** The language the channel or the contact usually speaks; breaks ties on very short texts. */
  language?: 'fr' | 'en';
}

export interface Classification {
  language: Language;
  sentiment: Sentiment;
  /**
   * -1 (very negative) … 1 (very positive): how far the message leans and how strongly. Its
   * sign always agrees with the label when the label is negative or positive; a neutral
   * message may still lean one way.
   */
  score: number;
  /** Never empty: `[{ intent: 'other' }]` when nothing else applies. */
  intents: Intent[];
  /** 0…1, the calibrated probability of the sentiment label. */
  confidence: number;
}

/** Owned by its callers (the processing job, the retrain job); implementations are pure and synchronous. */
export interface Classifier {
  classify(text: string, hints?: ClassifyHints): Classification;
}

/**
 * A stable string for an intent, used as a label by the workspace model and in reports.
 *
 * @example intentKey({ intent: 'order_issue', subtype: 'delivery' }) === 'order_issue/delivery'
 */
export function intentKey(intent: Intent): string {
  return intent.intent === 'order_issue' ? `order_issue/${intent.subtype}` : intent.intent;
}

/** The inverse of `intentKey`; undefined for a string that names no intent. */
export function parseIntentKey(key: string): Intent | undefined {
  const [name, subtype] = key.split('/');
  if (name === 'order_issue') {
    return ORDER_ISSUE_SUBTYPES.includes(subtype as OrderIssueSubtype) ? { intent: 'order_issue', subtype: subtype as OrderIssueSubtype } : undefined;
  }
  if (subtype !== undefined) return undefined;
  const simple = ['question', 'complaint', 'praise', 'purchase_intent', 'spam', 'other'] as const;
  return simple.find((s) => s === name) ? { intent: name as (typeof simple)[number] } : undefined;
}
