/**
 * One condition against one event's facts. Pure and total: every condition type has a
 * branch, so a new type added to the schema fails to compile here until it is handled.
 */
import { intentKey } from '../../insight/index.ts';
import { isOpen } from '../business-time.ts';
import type { Facts } from './facts.ts';
import { containsAny, foldText } from './fold-text.ts';
import type { Condition } from './rule-schema.ts';
import { safeRegexTest } from './safe-regex.ts';

/**
 * @example matchCondition({ type: 'text_contains', terms: ['rembourse'], match: 'word' }, facts) // true for "Pas REMBOURSÉ"
 */
export function matchCondition(condition: Condition, facts: Facts): boolean {
  switch (condition.type) {
    case 'channel':
      return condition.in.includes(condition.field === 'kind' ? facts.channelKind : facts.surface);
    case 'visibility':
      return facts.visibility === condition.is;
    case 'text_contains':
      return containsAny(facts.text, condition.terms, condition.match);
    case 'text_not_contains':
      return !containsAny(facts.text, condition.terms, condition.match);
    case 'text_matches':
      // Accents go on both sides, like `contains`; case is left to the `i` flag so that
      // classes such as \D or \S keep their meaning.
      return safeRegexTest(stripAccents(condition.pattern), foldText(facts.text));
    case 'language':
      return condition.in.includes(facts.language);
    case 'sentiment':
      return condition.in.includes(facts.sentiment);
    case 'intent': {
      const keys = facts.intents.map(intentKey);
      return condition.any.some((wanted) =>
        wanted === 'order_issue' ? facts.intents.some((i) => i.intent === 'order_issue') : keys.includes(wanted));
    }
    case 'business_hours':
      return isOpen(facts.hours, facts.at) === (condition.is === 'open');
    case 'contact_has_order':
      return facts.contact.hasOrder === condition.is;
    case 'contact_has_open_cart':
      return facts.contact.hasOpenCart === condition.is;
    case 'label':
      return facts.labels.includes(condition.label) === (condition.is === 'present');
  }
}

function stripAccents(pattern: string): string {
  return pattern.normalize('NFD').replace(/\p{M}/gu, '');
}
