import { z } from 'zod';
import { epochMs, id } from './common.ts';

export const availability = z.enum(['online', 'away', 'offline']);
export const routingMode = z.enum(['round_robin', 'least_loaded']);

// Requests (moved from src/http/routes/routing.validators.ts).
export const teamBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  mode: routingMode.default('round_robin'),
  channelIds: z.array(id).max(50).default([]),
  isDefault: z.boolean().default(false),
  members: z.array(z.strictObject({ userId: id, capacity: z.number().int().min(0).max(500) })).max(200).default([]),
});
export const availabilityBody = z.strictObject({ status: availability });
/** Hours and policies are checked by the care schemas when stored; null goes back to inheriting. */
export const careSettingsBody = z.strictObject({
  channelId: id.nullable().default(null),
  hours: z.unknown().optional(),
  policies: z.unknown().optional(),
}).refine((body) => body.hours !== undefined || body.policies !== undefined, 'Give hours, policies, or both');
export const holidaysQuery = z.strictObject({ year: z.coerce.number().int().min(1970).max(2200) });

// Responses.
const period = z.object({ start: z.string(), end: z.string() });
export const businessHours = z.object({
  timeZone: z.string(),
  weekly: z.object({ '0': z.array(period), '1': z.array(period), '2': z.array(period), '3': z.array(period), '4': z.array(period), '5': z.array(period), '6': z.array(period) }),
  holidays: z.enum(['fr', 'none']),
  closedDays: z.array(z.string()),
  openDays: z.array(z.object({ date: z.string(), periods: z.array(period) })),
}).meta({ id: 'BusinessHours' });
export const slaPolicy = z.object({
  firstResponseMs: z.number(), nextResponseMs: z.number(), resolutionMs: z.number(), mode: z.enum(['business', 'calendar']),
  autoReplyCounts: z.boolean().optional(),
});
export const slaPolicies = z.record(z.string(), slaPolicy);
export const storedCareSettings = z.object({ channelId: z.string().nullable(), hours: businessHours.nullable(), policies: slaPolicies.nullable(), updatedAt: epochMs });
export const careSettingsList = z.object({ defaults: z.object({ hours: businessHours, policies: slaPolicies }), stored: z.array(storedCareSettings) });
export const team = z.object({
  id, name: z.string(), mode: routingMode, channelIds: z.array(z.string()), isDefault: z.boolean(),
  members: z.array(z.object({ userId: z.string(), capacity: z.number() })),
}).meta({ id: 'Team' });
export const agentAvailability = z.object({ userId: z.string(), status: availability, updatedAt: epochMs.nullable() });
const measured = z.object({ at: epochMs, businessMs: z.number(), calendarMs: z.number(), breached: z.boolean() });
export const slaMetrics = z.object({
  firstResponse: measured.nullable(),
  responses: z.object({ count: z.number(), businessMs: z.number(), calendarMs: z.number(), breached: z.number() }),
  resolution: measured.nullable(),
  updatedAt: epochMs,
});

export type Availability = z.infer<typeof availability>;
export type RoutingMode = z.infer<typeof routingMode>;
export type SlaMode = 'business' | 'calendar';
export type Period = z.infer<typeof period>;
export type BusinessHours = z.infer<typeof businessHours>;
export type SlaPolicy = z.infer<typeof slaPolicy>;
export type SlaPolicies = z.infer<typeof slaPolicies>;
export type StoredCareSettings = z.infer<typeof storedCareSettings>;
export type CareSettingsList = z.infer<typeof careSettingsList>;
export type Team = z.infer<typeof team>;
export type TeamInput = Omit<Team, 'id'>;
