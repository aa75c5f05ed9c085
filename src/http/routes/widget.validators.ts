import { z } from 'zod';
import { identitySchema, WEBCHAT_MAX_TEXT } from '../../channels/index.ts';

const channelId = z.string().min(1).max(64);
const clientId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected 6 to 64 letters, digits, - or _');

export const frameQuery = z.object({ channel: channelId, origin: z.string().max(300), lang: z.string().max(20).optional() });
export const sessionBody = z.strictObject({ channelId, parentOrigin: z.string().max(300), token: z.string().max(400).nullable().optional() });
export const messageBody = z.strictObject({
  clientMessageId: clientId,
  // PostgreSQL refuses a NUL byte in text: accepted here, the message would never reach the inbox.
  text: z.string().max(WEBCHAT_MAX_TEXT, `at most ${WEBCHAT_MAX_TEXT} characters`).refine((text) => !text.includes('\u0000'), 'no NUL character'),
  attachments: z.array(z.string().max(64)).max(5).default([]),
  email: z.email().max(320).optional(),
}).refine((body) => body.text.trim().length > 0 || body.attachments.length > 0, { message: 'write something or attach a file', path: ['text'] });
export const identifyBody = z.strictObject({ identity: identitySchema, signature: z.string().max(200).nullable().optional() });
export const fileParams = z.strictObject({ id: z.string().max(64), key: z.string().max(64) });
export const socketQuery = z.object({ token: z.string().max(400) });
export const visitorSocketMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('typing'), typing: z.boolean() }),
  z.strictObject({ type: z.literal('read') }),
  z.strictObject({ type: z.literal('ping') }),
]);
