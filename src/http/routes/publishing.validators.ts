import { z } from 'zod';
import { NETWORKS } from '../../publishing/index.ts';

export const postParam = z.object({ id: z.string().min(1).max(64) }).strict();
export const sendBackBody = z.object({ comment: z.string().trim().min(1).max(2000) }).strict();
export const coachBody = z.object({
  network: z.enum(NETWORKS),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time, YYYY-MM-DDTHH:mm'),
  text: z.string().max(70_000).default(''),
  postId: z.string().max(64).optional(),
}).strict();
export const networkQuery = z.object({ network: z.enum(NETWORKS) }).strict();
export const mediaParams = z.object({ workspaceId: z.string().min(1).max(64), id: z.string().min(1).max(64), file: z.string().min(1).max(80) }).strict();
export const byPlatformQuery = z.object({ channelId: z.string().min(1).max(64), platformId: z.string().min(1).max(128) }).strict();
export const pinterestConnect = z.object({
  accessToken: z.string().min(10).max(500),
  apiBase: z.url({ protocol: /^https?$/ }).optional(),
  name: z.string().min(1).max(120).optional(),
}).strict();
export const channelParam = z.object({ channelId: z.string().min(1).max(64) }).strict();
