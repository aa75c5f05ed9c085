/**
 * Rule-based intents: what the team must do with a message (answer, fix an order, thank,
 * sell, hide). Several can hold at once: an angry "toujours pas reçu" is a complaint and
 * a delivery issue. Order issues need both a topic and a sign of trouble.
 */
import type { Intent, OrderIssueSubtype } from './classifier.ts';
import * as p from './intent-patterns.ts';
import type { SentimentScore } from './score-sentiment.ts';
import type { TokenizedText } from './tokenize.ts';

/**
 * Intents of a tokenized message, given its sentiment.
 *
 * @example detectIntents(tokenize('dispo en 38 ?'), neutral) // [{ intent: 'question' }, { intent: 'purchase_intent' }]
 */
export function detectIntents(text: TokenizedText, sentiment: SentimentScore): Intent[] {
  const { folded } = text;
  const intents: Intent[] = [];
  const question = text.tokens.some((t) => t.kind === 'question') || p.QUESTION_OPENING.test(folded);
  if (question) intents.push({ intent: 'question' });

  const spam = isSpam(text);
  const issues = spam ? [] : orderIssues(folded, sentiment);
  const negative = sentiment.sentiment === 'negative';
  const complaint = !spam && (p.COMPLAINT.test(folded)
    ? sentiment.sentiment !== 'positive'
    : negative && (issues.length > 0 || p.ADDRESSES_BRAND.test(folded)));
  if (complaint) intents.push({ intent: 'complaint' });
  for (const subtype of issues) intents.push({ intent: 'order_issue', subtype });

  const positive = sentiment.sentiment === 'positive';
  if (!spam && positive && !complaint && (sentiment.score >= 0.5 || p.PRAISE.test(folded))) intents.push({ intent: 'praise' });
  if (!spam && issues.length === 0 && !complaint && p.PURCHASE.test(folded) && (question || p.DESIRE.test(folded))) {
    intents.push({ intent: 'purchase_intent' });
  }
  if (spam) intents.push({ intent: 'spam' });
  if (intents.length === 0) intents.push({ intent: 'other' });
  return intents;
}

function orderIssues(folded: string, sentiment: SentimentScore): OrderIssueSubtype[] {
  const issues: OrderIssueSubtype[] = [];
  const troubled = sentiment.sentiment !== 'positive';
  if (p.LATE_OR_LOST.test(folded) || (p.DELIVERY_PROBLEM.test(folded) && p.DELIVERY_TOPIC.test(folded))) issues.push('delivery');
  if (p.MISSING_ITEM.test(folded) && (p.ORDER_WORDS.test(folded) || troubled)) issues.push('missing_item');
  if (p.DAMAGED.test(folded)) issues.push('damaged');
  if (p.BILLING_TOPIC.test(folded) && p.BILLING_PROBLEM.test(folded) && (troubled || /\b(?:deux fois|2 fois|twice|double)\b/.test(folded))) issues.push('billing');
  if (p.RETURN_REFUND.test(folded) && !p.NOT_A_RETURN.test(folded)) issues.push('return_refund');
  return issues;
}

/** Links, bait words, shouting, phone numbers and tag floods add up; one alone is not spam. */
function isSpam(text: TokenizedText): boolean {
  let urls = 0;
  let mentions = 0;
  let hashtags = 0;
  for (const token of text.tokens) {
    if (token.kind === 'url') urls++;
    else if (token.kind === 'mention') mentions++;
    else if (token.kind === 'hashtag') hashtags++;
  }
  const bait = text.folded.match(p.SPAM_WORDS)?.length ?? 0;
  const shouting = text.words >= 3 && text.capsWords / text.words >= 0.5;
  const score = Math.min(urls, 2) + bait + (shouting ? 1 : 0) + (mentions >= 3 ? 1 : 0) + (hashtags >= 5 ? 1 : 0) + (p.PHONE_NUMBER.test(text.folded) ? 1 : 0);
  return bait > 0 && score >= 3;
}
