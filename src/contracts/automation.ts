import { z } from 'zod';
import { epochMs, id } from './common.ts';

export const ruleEvents = ['message_received', 'conversation_created', 'sla_due_soon', 'sla_breached', 'cart_abandoned'] as const;
export type RuleEvent = (typeof ruleEvents)[number];
export const detectorNames = ['phone', 'email', 'iban', 'card_number', 'link', 'shortened_link'] as const;
export type DetectorName = (typeof detectorNames)[number];

// Requests (moved from src/http/routes/automation.validators.ts).
/** The envelope of a rule; conditions and actions are checked by the rule schema (`care/rules`) with field paths. */
export const ruleDraftBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().optional(),
  event: z.enum(ruleEvents),
  conditions: z.array(z.unknown()).max(50),
  actions: z.array(z.unknown()).min(1).max(20),
  stop: z.boolean().optional(),
});
export const dryRunBody = z.strictObject({ rule: ruleDraftBody, days: z.number().int().min(1).max(90).default(30) });
export const enabledBody = z.strictObject({ enabled: z.boolean() });
export const reorderBody = z.strictObject({ ids: z.array(id).min(1).max(500) });
/** A charter clause's shape; `care` also refuses unsafe regular expressions when it is saved. */
export const clause = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  title: z.string().min(1).max(120),
  description: z.string().max(2000),
  detection: z.object({
    keywords: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
    patterns: z.array(z.string().min(1).max(200)).max(20).optional(),
    detectors: z.array(z.enum(detectorNames)).optional(),
  }),
  action: z.enum(['hide', 'flag']),
}).meta({ id: 'Clause' });
export const charterBody = z.strictObject({ clauses: z.array(clause).max(100) });
/** Missing fields take the defaults: vouvoiement, sparing emoji, no signature, no avoided words. */
export const voiceSettings = z.object({
  address: z.enum(['tu', 'vous', 'any']).default('vous'),
  emoji: z.enum(['allowed', 'sparingly', 'none']).default('sparingly'),
  signature: z.string().trim().min(1).max(100).optional(),
  avoidWords: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
});
export const voiceBody = voiceSettings;
export const voiceCheckBody = z.strictObject({ text: z.string().max(8000), visibility: z.enum(['public', 'private']).default('public') });
export const notificationsReadBody = z.strictObject({ id: id.optional() });

// Responses.
const condition = z.looseObject({ type: z.string() });
export const rule = z.object({
  id, name: z.string(), event: z.enum(ruleEvents), conditions: z.array(condition), actions: z.array(condition),
  stop: z.boolean(), enabled: z.boolean(), version: z.number(), order: z.number(), updatedAt: epochMs,
}).meta({ id: 'Rule' });
export const dryRunResult = z.object({
  matched: z.number(), scanned: z.number(), days: z.number(),
  samples: z.array(z.object({
    messageId: id, conversationId: id, text: z.string(), at: epochMs, channelKind: z.string(), surface: z.string(),
    language: z.string(), sentiment: z.string(), intents: z.array(z.string()),
  })),
});
export const charter = z.object({ version: z.number(), clauses: z.array(clause), savedAt: epochMs.nullable(), savedBy: z.string().nullable() }).meta({ id: 'Charter' });
export const voiceView = z.object({
  address: z.enum(['tu', 'vous', 'any']), emoji: z.enum(['allowed', 'sparingly', 'none']), signature: z.string().optional(),
  avoidWords: z.array(z.string()), version: z.number(),
}).meta({ id: 'VoiceSettings' });
export const voiceWarning = z.object({ code: z.string(), message_fr: z.string(), message_en: z.string() });
export const notification = z.object({
  id, kind: z.string(), conversationId: z.string().nullable(), messageId: z.string().nullable(),
  /** A rule's notification, or (kind 'weekly_report') last week's figures. */
  data: z.looseObject({
    ruleName: z.string().optional(), version: z.number().optional(), excerpt: z.string().optional(),
    from: z.string().optional(), conversations: z.number().optional(), firstResponseMedianMs: z.number().nullable().optional(), withinSlaShare: z.number().nullable().optional(),
  }),
  createdAt: epochMs, readAt: epochMs.nullable(),
}).meta({ id: 'Notification' });

export type Condition = z.infer<typeof condition>;
export type Action = Condition;
export type RuleDraft = { name: string; event: RuleEvent; conditions: Condition[]; actions: Action[]; stop: boolean; enabled?: boolean };
export type Rule = z.infer<typeof rule>;
export type DryRunResult = z.infer<typeof dryRunResult>;
export type Clause = z.infer<typeof clause>;
export type Charter = z.infer<typeof charter>;
export type VoiceSettings = z.infer<typeof voiceSettings>;
export type VoiceView = z.infer<typeof voiceView>;
export type VoiceWarning = z.infer<typeof voiceWarning>;
export type Notification = z.infer<typeof notification>;
