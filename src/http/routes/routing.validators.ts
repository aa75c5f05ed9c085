import { z } from 'zod';

const id = z.string().min(1).max(64);

export const teamBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  mode: z.enum(['round_robin', 'least_loaded']).default('round_robin'),
  channelIds: z.array(id).max(50).default([]),
  isDefault: z.boolean().default(false),
  members: z.array(z.strictObject({ userId: id, capacity: z.number().int().min(0).max(500) })).max(200).default([]),
});
export const availabilityBody = z.strictObject({ status: z.enum(['online', 'away', 'offline']) });
/** Hours and policies are checked by the care schemas when stored; null goes back to inheriting. */
export const careSettingsBody = z.strictObject({
  channelId: id.nullable().default(null),
  hours: z.unknown().optional(),
  policies: z.unknown().optional(),
}).refine((body) => body.hours !== undefined || body.policies !== undefined, 'Give hours, policies, or both');
export const holidaysQuery = z.strictObject({ year: z.coerce.number().int().min(1970).max(2200) });
