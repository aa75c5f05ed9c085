import { z } from 'zod';
import { epochMs, id } from './common.ts';

export const addWebchatBody = z.strictObject({ allowedOrigins: z.array(z.string().max(300)).min(1).max(20), name: z.string().trim().min(1).max(120).optional() });
/** The settings form; `channels/webchat` normalises origins and checks colours and hours when it stores them. */
export const webchatSettings = z.object({
  allowedOrigins: z.array(z.string()),
  primaryColor: z.string(),
  textColor: z.string(),
  greeting: z.object({ fr: z.string(), en: z.string() }),
  position: z.enum(['right', 'left']),
  language: z.enum(['auto', 'fr', 'en']),
  businessHours: z.unknown(),
}).meta({ id: 'WebchatSettings' });
export const webchatSettingsBody = z.unknown().meta({ description: 'WebchatSettings; missing fields take their defaults' });
export const webchatChannelView = z.object({ id, name: z.string(), settings: webchatSettings, identifySecret: z.string().nullable(),
  /** While a rotation's grace period runs: until when the previous secret still verifies. */
  previousSecretAcceptedUntil: z.number().nullable(), snippet: z.string() });
export const webchatVisitor = z.object({
  id, identityStatus: z.enum(['anonymous', 'unverified', 'verified']), email: z.string().nullable(), name: z.string().nullable(),
  customerId: z.string().nullable(), visitorReadAt: epochMs.nullable(), agentReadAt: epochMs.nullable(),
});

export type WebchatSettings = z.infer<typeof webchatSettings>;
export type WebchatChannelView = z.infer<typeof webchatChannelView>;
export type WebchatVisitor = z.infer<typeof webchatVisitor>;
