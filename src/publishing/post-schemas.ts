import { z } from 'zod';
import { NETWORKS } from './networks.ts';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time, YYYY-MM-DDTHH:mm');

export const versionInput = z.object({
  network: z.enum(NETWORKS),
  channelId: z.string().min(1).max(64),
  text: z.string().max(70_000).default(''),
  mediaIds: z.array(z.string().min(1).max(64)).max(10).default([]),
  title: z.string().max(200).nullable().default(null),
  boardId: z.string().max(64).nullable().default(null),
}).strict();

export const dealInput = z.object({
  shopChannelId: z.string().min(1).max(64),
  code: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only').transform((code) => code.toUpperCase()),
  percent: z.number().int().min(1).max(100).nullable().default(null),
  amountCents: z.number().int().min(1).max(10_000_000).nullable().default(null),
  startsAt: localDateTime.nullable().default(null),
  endsAt: localDateTime,
  usageLimit: z.number().int().min(1).max(1_000_000).default(1000),
}).strict().refine((deal) => (deal.percent === null) !== (deal.amountCents === null), 'give either percent or amountCents');

export const postInput = z.object({
  campaign: z.string().trim().min(1).max(80).nullable().default(null),
  link: z.url({ protocol: /^https?$/ }).max(2048).nullable().default(null),
  versions: z.array(versionInput).min(1).max(4).refine((list) => new Set(list.map((v) => v.network)).size === list.length, 'one version per network'),
  /** In the workspace's time zone: `2026-12-08T09:30`. */
  scheduledAt: localDateTime.nullable().default(null),
  deal: dealInput.nullable().default(null),
}).strict();

export const postPatch = z.object({
  campaign: z.string().trim().min(1).max(80).nullable().optional(),
  link: z.url({ protocol: /^https?$/ }).max(2048).nullable().optional(),
  versions: postInput.shape.versions.optional(),
  scheduledAt: localDateTime.nullable().optional(),
  deal: dealInput.nullable().optional(),
}).strict();

export const calendarQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  network: z.enum(NETWORKS).optional(),
  channelId: z.string().max(64).optional(),
  status: z.enum(['draft', 'pending_approval', 'scheduled', 'publishing', 'published', 'failed', 'deleted']).optional(),
}).strict();

export const listQuery = z.object({
  status: calendarQuery.shape.status,
  network: z.enum(NETWORKS).optional(),
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

export type PostInput = z.infer<typeof postInput>;
export type PostPatch = z.infer<typeof postPatch>;
export type VersionInput = z.infer<typeof versionInput>;
export type DealInput = z.infer<typeof dealInput>;
