import { z } from 'zod';
import { say } from '../../kernel/index.ts';

const id = z.string().min(1).max(64);

export const conversationListQuery = z.strictObject({
  view: z.enum(['mine', 'unassigned', 'open', 'pending', 'snoozed', 'resolved']).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  label: id.optional(),
  status: z.enum(['open', 'pending', 'snoozed', 'resolved']).optional(),
  channel: id.optional(),
  kind: z.enum(['public', 'private']).optional(),
  assignee: z.union([id, z.literal('none')]).optional(),
  // An empty search box is no search: `?q=` (or only spaces) lists as if `q` were absent.
  q: z.string().trim().max(200).transform((q) => (q === '' ? undefined : q)).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  sort: z.enum(['recent', 'due']).optional(),
});
export const idParam = z.strictObject({ id });
export const replyBody = z.strictObject({
  text: z.string().trim().min(1, say('Écrivez quelque chose.', 'Write something.')).max(8000),
  visibility: z.enum(['public', 'private', 'note']),
  idempotencyKey: z.string().min(8).max(100).optional(),
  mentions: z.array(id).max(20).optional(),
});
export const conversationPatch = z.strictObject({
  status: z.enum(['open', 'pending', 'resolved']).optional(),
  assigneeId: id.nullable().optional(),
  snoozedUntil: z.number().int().positive().nullable().optional(),
  priority: z.number().int().min(0).max(3).optional(),
});
export const labelBody = z.strictObject({ name: z.string().trim().min(1).max(40), color: z.string().regex(/^#[0-9a-fA-F]{6}$/, say('Une couleur comme #1f6feb.', 'A colour like #1f6feb.')) });
export const labelRef = z.strictObject({ labelId: id });
export const conversationLabelParams = z.strictObject({ id, labelId: id });
export const cannedReplyBody = z.strictObject({ shortcut: z.string().trim().regex(/^[\p{L}\p{N}_-]{1,30}$/u, say('Lettres, chiffres, - et _ uniquement.', 'Letters, digits, - and _ only.')), title: z.string().trim().min(1).max(80), body: z.string().trim().min(1).max(4000) });
export const noteBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export const channelBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('meta'), pageId: z.string().regex(/^\d+$/), pageToken: z.string().min(10).max(1000), instagramId: z.string().regex(/^\d+$/).optional(), apiBase: z.url().optional() }),
  z.strictObject({ kind: z.literal('x'), accountId: z.string().regex(/^\d+$/), accessToken: z.string().min(10).max(1000), apiBase: z.url().optional() }),
]);
export const moderationParam = z.strictObject({ id, action: z.enum(['hide', 'unhide', 'delete', 'like']) });
export const moderationBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const inboundListQuery = z.strictObject({
  status: z.enum(['received', 'processed', 'parked', 'ignored']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const mergeBody = z.strictObject({ intoContactId: id });
export const correctionBody = z.strictObject({
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  intents: z.array(z.string().regex(/^(question|complaint|praise|purchase_intent|spam|other|order_issue\/(delivery|missing_item|damaged|billing|return_refund))$/)).max(8).optional(),
}).refine((body) => body.sentiment !== undefined || body.intents !== undefined, 'Give a sentiment, intents, or both');
export const moveToPrivateBody = z.strictObject({ publicText: z.string().trim().min(1).max(2000), privateText: z.string().trim().min(1).max(8000).optional(), idempotencyKey: z.string().min(8).max(100).optional() });
export const policyQuery = z.strictObject({ text: z.string().max(20_000).default('') });
export const registerQuery = z.strictObject({
  action: z.enum(['hide', 'unhide', 'delete']).optional(),
  actorType: z.enum(['user', 'token', 'rule', 'platform']).optional(),
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  format: z.enum(['json', 'csv']).default('json'),
  /** `semicolon` for Excel set to French, which splits columns on `;`. */
  separator: z.enum(['comma', 'semicolon']).default('comma'),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});
