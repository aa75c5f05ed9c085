/**
 * SLA targets per channel surface ('x', 'messenger', 'instagram', 'facebook', …) and kind.
 * Defaults follow what customers expect: 1 h on X (public and private — the "answer within
 * the hour" expectation is measured there) and in DMs, a same-day answer for comments,
 * read as 8 business hours: one full default weekday (9:00–12:30 + 13:30–18:00).
 */
import { z } from 'zod';

export type SlaMode = 'business' | 'calendar';
export type ConversationKind = 'public' | 'private';

export interface SlaPolicy {
  firstResponseMs: number;
  nextResponseMs: number;
  resolutionMs: number;
  /** Targets count open time only ('business') or every minute ('calendar'). */
  mode: SlaMode;
  /** Whether our own auto-replies count as responses; off by default (an acknowledgement is not an answer). */
  autoReplyCounts?: boolean | undefined;
}

/** Policies keyed `surface:kind`; `*:public` and `*:private` catch surfaces without their own. */
export type SlaPolicies = Record<`*:${ConversationKind}`, SlaPolicy> & Partial<Record<string, SlaPolicy>>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Business mode by default: a shop team answers during its hours, and out-of-hours
// acknowledgement belongs to automation rules, not to a breached promise at 3 a.m.
const hourly: SlaPolicy = { firstResponseMs: HOUR, nextResponseMs: HOUR, resolutionMs: 24 * HOUR, mode: 'business' };
const sameDay: SlaPolicy = { firstResponseMs: 8 * HOUR, nextResponseMs: 8 * HOUR, resolutionMs: 24 * HOUR, mode: 'business' };

export const defaultSlaPolicies: SlaPolicies = {
  '*:private': hourly,
  '*:public': sameDay,
  'x:public': hourly,
  'x:private': hourly,
  'messenger:private': hourly,
};

/**
 * The policy for a conversation: its surface and kind, else the kind's fallback.
 *
 * @example slaPolicyFor(defaultSlaPolicies, 'facebook', 'public').firstResponseMs // 8 h
 */
export function slaPolicyFor(policies: SlaPolicies, surface: string, kind: ConversationKind): SlaPolicy {
  return policies[`${surface}:${kind}`] ?? policies[`*:${kind}`];
}

// 90 days keeps a business-time walk well inside MAX_SCAN_DAYS.
const target = z.number().int().positive().max(90 * 24 * HOUR);

/** Validates one stored or submitted policy. */
export const slaPolicySchema = z.object({
  firstResponseMs: target,
  nextResponseMs: target,
  resolutionMs: target,
  mode: z.enum(['business', 'calendar']),
  autoReplyCounts: z.boolean().optional(),
}) satisfies z.ZodType<SlaPolicy, unknown>;

const policyKey = z.string().regex(/^(?:\*|[a-z][a-z0-9_]{0,30}):(?:public|private)$/, 'expected surface:kind, such as x:public or *:private');

/**
 * Validates a stored or submitted set of policies: keys `surface:kind`, and the two
 * fallbacks `*:public` and `*:private` must be there so every conversation has a target.
 *
 * @example slaPoliciesSchema.parse(defaultSlaPolicies)
 */
export const slaPoliciesSchema = z.record(policyKey, slaPolicySchema)
  .refine((p) => Object.keys(p).length <= 60, 'at most 60 policies')
  .refine((p) => p['*:public'] !== undefined && p['*:private'] !== undefined, 'the *:public and *:private policies are required')
  .transform((p) => p as SlaPolicies);
