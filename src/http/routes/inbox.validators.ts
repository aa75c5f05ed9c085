import { z } from 'zod';

const id = z.string().min(1).max(64);

export const conversationListQuery = z.strictObject({
  status: z.enum(['open', 'pending', 'snoozed', 'resolved']).optional(),
  channel: id.optional(),
  kind: z.enum(['public', 'private']).optional(),
  assignee: z.union([id, z.literal('none')]).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const idParam = z.strictObject({ id });
export const replyBody = z.strictObject({
  text: z.string().trim().min(1, 'Write something').max(8000),
  visibility: z.enum(['public', 'private', 'note']),
  idempotencyKey: z.string().min(8).max(100).optional(),
});
export const moderationParam = z.strictObject({ id, action: z.enum(['hide', 'unhide', 'delete', 'like']) });
export const moderationBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const inboundListQuery = z.strictObject({
  status: z.enum(['received', 'processed', 'parked', 'ignored']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const mergeBody = z.strictObject({ intoContactId: id });
