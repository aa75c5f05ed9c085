import type { Action, Condition, RuleDraft } from '../../api/automation.ts';

/** The condition and action types the server accepts (src/care/rules/rule-schema.ts), in menu order. */
export const conditionTypes = [
  'channel', 'visibility', 'text_contains', 'text_not_contains', 'text_matches', 'language', 'sentiment', 'intent',
  'business_hours', 'contact_has_order', 'contact_has_open_cart', 'label',
] as const;
export const actionTypes = ['add_label', 'assign', 'set_priority', 'hide_comment', 'reply', 'auto_acknowledge', 'notify', 'snooze'] as const;
export type ConditionType = (typeof conditionTypes)[number];
export type ActionType = (typeof actionTypes)[number];

export const intentKeys = ['question', 'complaint', 'praise', 'purchase_intent', 'spam', 'other', 'order_issue'] as const;
export const HOUR_MS = 3_600_000;

export interface Lookups {
  labelId: string | undefined;
  cannedReplyId: string | undefined;
  userId: string | undefined;
}

/** A condition of `type` with sensible starting values, ready to edit. */
export function defaultCondition(type: ConditionType, lookups: Lookups): Condition {
  switch (type) {
    case 'channel': return { type, field: 'kind', in: ['meta'] };
    case 'visibility': return { type, is: 'public' };
    case 'text_contains':
    case 'text_not_contains': return { type, terms: [], match: 'word' };
    case 'text_matches': return { type, pattern: '' };
    case 'language': return { type, in: ['fr'] };
    case 'sentiment': return { type, in: ['negative'] };
    case 'intent': return { type, any: ['complaint'] };
    case 'business_hours': return { type, is: 'closed' };
    case 'contact_has_order':
    case 'contact_has_open_cart': return { type, is: true };
    case 'label': return { type, is: 'present', label: lookups.labelId ?? '' };
  }
}

export function defaultAction(type: ActionType, lookups: Lookups): Action {
  switch (type) {
    case 'add_label': return { type, label: lookups.labelId ?? '' };
    case 'assign': return { type, to: { kind: 'round_robin' } };
    case 'set_priority': return { type, priority: 2 };
    case 'hide_comment': return { type };
    case 'reply': return { type, cannedReplyId: lookups.cannedReplyId ?? '', visibility: 'private' };
    case 'auto_acknowledge': return { type, cannedReplyId: lookups.cannedReplyId ?? '' };
    case 'notify': return { type, to: { kind: 'admins' } };
    case 'snooze': return { type, durationMs: 4 * HOUR_MS };
  }
}

/** "a, b ,, c" → ['a', 'b', 'c']: how lists are typed in one field. */
export function splitList(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/** Toggles `value` in a list, keeping the others' order. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((item) => item !== value);
}

export const emptyDraft = (): RuleDraft => ({ name: '', event: 'message_received', conditions: [], actions: [], stop: false });

/** Moves the item at `index` one place up (-1) or down (+1); out of range changes nothing. */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
