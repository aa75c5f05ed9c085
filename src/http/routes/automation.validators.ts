import { z } from 'zod';
import { clauseSchema, RULE_EVENTS, voiceSettingsSchema } from '../../care/index.ts';

const id = z.string().min(1).max(64);

/** The envelope of a rule; conditions and actions are checked by the rule schema with field paths. */
export const ruleDraftBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().optional(),
  event: z.enum(RULE_EVENTS),
  conditions: z.array(z.unknown()).max(50),
  actions: z.array(z.unknown()).min(1).max(20),
  stop: z.boolean().optional(),
});
export const dryRunBody = z.strictObject({ rule: ruleDraftBody, days: z.number().int().min(1).max(90).default(30) });
export const enabledBody = z.strictObject({ enabled: z.boolean() });
export const reorderBody = z.strictObject({ ids: z.array(id).min(1).max(500) });
export const charterBody = z.strictObject({ clauses: z.array(clauseSchema).max(100) });
export const voiceBody = voiceSettingsSchema;
export const voiceCheckBody = z.strictObject({ text: z.string().max(8000), visibility: z.enum(['public', 'private']).default('public') });
export const notificationsReadBody = z.strictObject({ id: id.optional() });
