/**
 * Rules are stored as JSON and edited in a UI, so every rule is read back through
 * `ruleSchema`: a typo, an unknown action or a dangerous regex fails at load, with a field
 * path, instead of misfiring on customers' messages.
 */
import { z } from 'zod';
import { ruleEvents } from '../../contracts/index.ts';
import { parseIntentKey } from '../../insight/index.ts';
import { regexProblem } from './safe-regex.ts';

/** The catalogue's list (src/contracts): the API and the console offer the same events. */
export const RULE_EVENTS = ruleEvents;
export type RuleEvent = (typeof RULE_EVENTS)[number];

const id = z.string().trim().min(1).max(200);
const terms = z.array(z.string().trim().min(1).max(200)).min(1).max(200);
/** 'order_issue' alone means any order issue; 'order_issue/damaged' one subtype. */
const intentKeySchema = z.string().refine((key) => key === 'order_issue' || parseIntentKey(key) !== undefined, 'unknown intent key');

export const conditionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('channel'), field: z.enum(['kind', 'surface']), in: z.array(id).min(1) }),
  z.strictObject({ type: z.literal('visibility'), is: z.enum(['public', 'private']) }),
  z.strictObject({ type: z.literal('text_contains'), terms, match: z.enum(['word', 'substring']).default('word') }),
  z.strictObject({ type: z.literal('text_not_contains'), terms, match: z.enum(['word', 'substring']).default('word') }),
  z.strictObject({
    type: z.literal('text_matches'),
    pattern: z.string().superRefine((pattern, ctx) => {
      const problem = regexProblem(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  }),
  z.strictObject({ type: z.literal('language'), in: z.array(z.enum(['fr', 'en', 'other'])).min(1) }),
  z.strictObject({ type: z.literal('sentiment'), in: z.array(z.enum(['negative', 'neutral', 'positive'])).min(1) }),
  z.strictObject({ type: z.literal('intent'), any: z.array(intentKeySchema).min(1) }),
  z.strictObject({ type: z.literal('business_hours'), is: z.enum(['open', 'closed']) }),
  z.strictObject({ type: z.literal('contact_has_order'), is: z.boolean() }),
  z.strictObject({ type: z.literal('contact_has_open_cart'), is: z.boolean() }),
  z.strictObject({ type: z.literal('label'), is: z.enum(['present', 'absent']), label: id }),
]);
export type Condition = z.infer<typeof conditionSchema>;

/** Snoozing longer than this is closing a conversation by stealth. */
export const MAX_SNOOZE_MS = 30 * 24 * 60 * 60 * 1000;

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('add_label'), label: id }),
  z.strictObject({
    type: z.literal('assign'),
    // Round robin is resolved later by routing, which knows who is online and under capacity.
    to: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('user'), userId: id }), z.strictObject({ kind: z.literal('round_robin') })]),
  }),
  // Same 0–3 scale as a conversation's stored priority.
  z.strictObject({ type: z.literal('set_priority'), priority: z.number().int().min(0).max(3) }),
  z.strictObject({ type: z.literal('hide_comment'), charterClauseId: id.optional() }),
  z.strictObject({ type: z.literal('reply'), cannedReplyId: id, visibility: z.enum(['public', 'private']) }),
  z.strictObject({ type: z.literal('auto_acknowledge'), cannedReplyId: id }),
  z.strictObject({
    type: z.literal('notify'),
    to: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('users'), userIds: z.array(id).min(1) }), z.strictObject({ kind: z.literal('admins') })]),
  }),
  z.strictObject({ type: z.literal('snooze'), durationMs: z.number().int().positive().max(MAX_SNOOZE_MS) }),
]);
export type Action = z.infer<typeof actionSchema>;

export const ruleSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(120),
    /** Bumped on every edit, so a firing recorded as "rule 'Insultes' v3" stays truthful. */
    version: z.number().int().positive(),
    enabled: z.boolean(),
    order: z.number().int(),
    event: z.enum(RULE_EVENTS),
    /** All must hold; an empty list fires on every event of its kind. */
    conditions: z.array(conditionSchema).max(50),
    actions: z.array(actionSchema).min(1).max(20),
    stop: z.boolean(),
  })
  .superRefine((rule, ctx) => {
    // An acknowledgement says "we are closed, back at 9"; sent while open it would lie.
    const acknowledges = rule.actions.some((action) => action.type === 'auto_acknowledge');
    const whenClosed = rule.conditions.some((c) => c.type === 'business_hours' && c.is === 'closed');
    if (acknowledges && !whenClosed) {
      ctx.addIssue({ code: 'custom', path: ['actions'], message: 'auto_acknowledge needs a business_hours "closed" condition' });
    }
  });
export type Rule = z.infer<typeof ruleSchema>;
/** What a caller writes before defaults apply (text `match` may be omitted). */
export type RuleInput = z.input<typeof ruleSchema>;
