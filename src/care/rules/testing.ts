/**
 * Builders for tests of rules and of their callers: one realistic message's facts, and a
 * rule read through `ruleSchema` so defaults apply exactly as they do at load.
 */
import { defaultBusinessHours } from '../business-hours.ts';
import type { Facts } from './facts.ts';
import { ruleSchema, type Rule, type RuleInput } from './rule-schema.ts';

/** Monday 2026-11-23 10:00 in Paris (UTC+1): open under the default hours. */
export const MONDAY_10H_PARIS = Date.parse('2026-11-23T09:00:00Z');
/** Sunday 2026-11-22 10:00 in Paris: closed. */
export const SUNDAY_10H_PARIS = Date.parse('2026-11-22T09:00:00Z');

export function factsFor(overrides: Partial<Facts> = {}): Facts {
  return {
    channelKind: 'meta',
    surface: 'facebook_comment',
    visibility: 'public',
    text: 'Bonjour, ma commande est arrivée cassée',
    language: 'fr',
    sentiment: 'negative',
    intents: [{ intent: 'order_issue', subtype: 'damaged' }],
    labels: [],
    at: MONDAY_10H_PARIS,
    hours: defaultBusinessHours,
    contact: { hasOrder: true, hasOpenCart: false },
    ...overrides,
  };
}

export function ruleFor(overrides: Partial<RuleInput> = {}): Rule {
  return ruleSchema.parse({
    id: 'r1',
    name: 'Rule',
    version: 1,
    enabled: true,
    order: 0,
    event: 'message_received',
    conditions: [],
    actions: [{ type: 'add_label', label: 'sav' }],
    stop: false,
    ...overrides,
  });
}
