import { z } from 'zod';

export const contestParam = z.object({ id: z.string().min(1).max(64) });
export const exclusionBody = z.object({ contactId: z.string().min(1).max(64), kind: z.enum(['blocked', 'team']).nullable() }).strict();
export const leaderboardQuery = z.object({
  network: z.enum(['all', 'facebook', 'instagram', 'x']).default('all'),
  days: z.coerce.number().int().min(7).max(365).default(90),
});
export const ambassadorSettingsBody = z.object({ threshold: z.number().int().min(1).max(100_000) }).strict();
export const ambassadorCodeBody = z.object({
  shopChannelId: z.string().min(1).max(64),
  percent: z.number().int().min(1).max(90).default(10),
}).strict();
