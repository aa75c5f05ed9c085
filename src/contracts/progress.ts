import { z } from 'zod';
import { epochMs } from './common.ts';

/**
 * The progress of long work (model retraining, shop reconciliation, channel back-fill): the
 * job reports `done` of `total` in a `phase`; the row is published as the realtime event
 * `job.progress` each time it moves, so the console draws a live bar.
 */
export const jobKinds = ['insight.retrain', 'commerce.reconcile', 'channel.backfill'] as const;
export const jobKind = z.enum(jobKinds);
export type JobKind = (typeof jobKinds)[number];

export const jobProgress = z.object({
  kind: jobKind,
  /** What the work is about (a channel id), or '' for the whole workspace. */
  subject: z.string(),
  runId: z.string(),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  status: z.enum(['running', 'done', 'failed']),
  error: z.string().nullable(),
  startedAt: epochMs,
  updatedAt: epochMs,
  finishedAt: epochMs.nullable(),
}).meta({ id: 'JobProgress' });
export type JobProgress = z.infer<typeof jobProgress>;

export const jobProgressQuery = z.strictObject({ kind: jobKind.optional(), subject: z.string().max(64).optional() });
