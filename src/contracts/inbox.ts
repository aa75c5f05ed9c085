import { z } from 'zod';
import { say } from '../kernel/index.ts';
import { epochMs, id } from './common.ts';

// Requests (moved from src/http/routes/inbox.validators.ts).
export const conversationStatus = z.enum(['open', 'pending', 'snoozed', 'resolved']);
export const sentiment = z.enum(['negative', 'neutral', 'positive']);
export const visibility = z.enum(['public', 'private', 'note']);

export const conversationListQuery = z.strictObject({
  view: z.enum(['mine', 'unassigned', 'open', 'pending', 'snoozed', 'resolved']).optional(),
  sentiment: sentiment.optional(),
  label: id.optional(),
  status: conversationStatus.optional(),
  channel: id.optional(),
  kind: z.enum(['public', 'private']).optional(),
  assignee: z.union([id, z.literal('none')]).optional(),
  // An empty search box is no search: `?q=` (or only spaces) lists as if `q` were absent.
  q: z.string().trim().max(200).transform((q) => (q === '' ? undefined : q)).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  sort: z.enum(['recent', 'due']).optional(),
});
export const replyBody = z.strictObject({
  text: z.string().trim().min(1, say('Écrivez quelque chose.', 'Write something.')).max(8000),
  visibility,
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
export const moderationAction = z.enum(['hide', 'unhide', 'delete', 'like']);
export const moderationParam = z.strictObject({ id, action: moderationAction });
export const moderationBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const inboundListQuery = z.strictObject({
  status: z.enum(['received', 'processed', 'parked', 'ignored']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const mergeBody = z.strictObject({ intoContactId: id });
export const correctionBody = z.strictObject({
  sentiment: sentiment.optional(),
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

// Responses.
export const label = z.object({ id, name: z.string(), color: z.string() }).meta({ id: 'Label' });
const channelRef = z.object({ id, kind: z.string(), name: z.string() });
const priority = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/** A row of the inbox list. Loose: fields added later reach the console before the contract names them. */
export const conversationSummary = z.looseObject({
  id, kind: z.enum(['public', 'private']), status: conversationStatus,
  channel: channelRef,
  /** The customer's network: facebook, instagram, messenger, x… */
  surface: z.string(),
  contact: z.object({ id, name: z.string().nullable() }).nullable(),
  post: z.object({ text: z.string().nullable(), permalink: z.string().nullable() }).nullable(),
  lastMessage: z.object({ text: z.string(), direction: z.enum(['in', 'out']), kind: z.enum(['message', 'comment']), at: epochMs }).nullable(),
  lastMessageAt: epochMs.nullable(),
  lastInboundAt: epochMs.nullable(),
  waitingSince: epochMs.nullable(),
  assignee: z.object({ id, name: z.string() }).nullable(),
  labels: z.array(label),
  priority,
  snoozedUntil: epochMs.nullable(),
  createdAt: epochMs,
  sentiment: sentiment.nullable(),
  worstSentiment: sentiment.nullable(),
  dueAt: epochMs.nullable().optional(),
  slaState: z.enum(['ok', 'due_soon', 'breached', 'met']).optional(),
}).meta({ id: 'ConversationSummary' });

export const conversationDetail = conversationSummary.extend({
  channel: channelRef.extend({ status: z.string().optional() }),
  post: z.object({ externalId: z.string().optional(), text: z.string().nullable(), permalink: z.string().nullable(), reactions: z.record(z.string(), z.number()).optional() }).nullable(),
}).meta({ id: 'ConversationDetail' });

export const delivery = z.object({
  outboundId: id, action: z.string(), state: z.enum(['queued', 'sending', 'sent', 'failed']),
  failureKind: z.string().nullable(), failureReason: z.string().nullable(), sentAt: epochMs.nullable(),
});
export const moderationEntry = z.object({
  action: z.enum(['hide', 'unhide', 'delete']), actorType: z.enum(['user', 'token', 'rule', 'platform']),
  actorId: z.string().nullable(), actorName: z.string().nullable(), reason: z.string().nullable(), clause: z.string().nullable().optional(), at: epochMs,
});
export const attachment = z.looseObject({ type: z.string(), url: z.string().optional(), name: z.string().optional() });

export const message = z.looseObject({
  id, direction: z.enum(['in', 'out']), kind: z.enum(['message', 'comment', 'note']),
  authorType: z.enum(['contact', 'user', 'brand', 'bot']), authorId: z.string().nullable(), authorName: z.string().nullable(),
  /** Customer text: rendered as text, never as HTML. */
  text: z.string(),
  status: z.enum(['visible', 'hidden', 'deleted']),
  externalId: z.string().nullable(),
  attachments: z.array(attachment),
  editedAt: epochMs.nullable(),
  at: epochMs,
  language: z.enum(['fr', 'en', 'other']).nullable(),
  sentiment: sentiment.nullable(),
  sentimentScore: z.number().nullable(),
  /** e.g. ['complaint', 'order_issue/delivery'] */
  intents: z.array(z.string()),
  classifiedBy: z.enum(['model', 'agent']).nullable(),
  /** surface, visibility, mentions… */
  meta: z.record(z.string(), z.unknown()),
  delivery: z.array(delivery),
  moderation: z.array(moderationEntry),
}).meta({ id: 'Message' });

export const conversationList = z.object({
  conversations: z.array(conversationSummary), nextCursor: z.string().nullable(),
  /** A search (`q`) that matched more messages than it reads: how many it read, the newest; the list holds their conversations only. Null otherwise. */
  searchCappedAt: z.number().nullable(),
});
export const conversationThread = z.object({ conversation: conversationDetail, messages: z.array(message) });

export const policyView = z.object({
  allowed: z.boolean(), code: z.string().nullable(), reason: z.string().nullable(), note: z.string().nullable(),
  closesAt: epochMs.nullable(), maxLength: z.number(),
  /** Counted the platform's way for the `?text=` asked about (X: links 23, emoji 2). */
  remaining: z.number(),
});
export const composerPolicy = z.object({ public: policyView.nullable(), private: policyView.nullable() }).meta({ id: 'ComposerPolicy' });
export const sentReply = z.object({ messageId: id, outboundId: id.nullable() });
export const moveToPrivateResult = z.object({ publicMessageId: id.nullable(), privateConversationId: id, privateMessageId: id.nullable() });
export const moderationResult = z.looseObject({ outboundId: id });

export const cannedReply = z.object({ id, shortcut: z.string(), title: z.string(), body: z.string() }).meta({ id: 'CannedReply' });
export const contactDetail = z.looseObject({
  contact: z.looseObject({ id, name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  identities: z.array(z.object({ channel: channelRef, externalId: z.string(), handle: z.string().nullable(), displayName: z.string().nullable() })),
  conversations: z.array(z.object({ id, kind: z.enum(['public', 'private']), status: conversationStatus, channelName: z.string(), lastMessageAt: epochMs.nullable() })),
  notes: z.array(z.object({ id, text: z.string(), authorId: z.string().nullable(), authorName: z.string().nullable(), createdAt: epochMs })),
}).meta({ id: 'ContactDetail' });
export const channel = z.object({ id, kind: z.string(), name: z.string(), status: z.string(), externalId: z.string() }).meta({ id: 'Channel' });
export const inboundDelivery = z.looseObject({
  id, provider: z.string(), status: z.string(), attempts: z.number(), error: z.string().nullable(), receivedAt: epochMs, processedAt: epochMs.nullable(),
}).meta({ id: 'InboundDelivery' });
export const registerEntry = z.object({
  id, at: epochMs, action: z.enum(['hide', 'unhide', 'delete']), actorType: z.enum(['user', 'token', 'rule', 'platform']), actorId: z.string().nullable(), actorName: z.string().nullable(),
  clause: z.string().nullable(), reason: z.string().nullable(), messageId: z.string(), conversationId: z.string(), snapshot: z.string(),
}).meta({ id: 'ModerationRegisterEntry' });
/** The register's filter, as the console builds it (the query string of `GET /api/v1/moderation`). */
export type RegisterFilter = Partial<Pick<z.infer<typeof registerQuery>, 'action' | 'actorType' | 'from' | 'to'>>;
export type RegisterEntry = z.infer<typeof registerEntry>;
export const teamModel = z.looseObject({
  version: z.number(), examples: z.number(), trainedAt: epochMs,
  /** JSON described by nothing stricter: the console reads it in settings/model-summary.ts. */
  summary: z.unknown(),
});

/** How many conversations each view holds for the caller. */
export const viewCounts = z.object({ mine: z.number(), unassigned: z.number(), open: z.number(), pending: z.number(), snoozed: z.number() });
export type ViewCounts = z.infer<typeof viewCounts>;
export type ConversationStatus = z.infer<typeof conversationStatus>;
export type ConversationKind = 'public' | 'private';
export type Priority = z.infer<typeof priority>;
export type Visibility = z.infer<typeof visibility>;
export type Sentiment = z.infer<typeof sentiment>;
export type Label = z.infer<typeof label>;
export type ConversationSummary = z.infer<typeof conversationSummary>;
export type ConversationDetail = z.infer<typeof conversationDetail>;
export type Delivery = z.infer<typeof delivery>;
export type ModerationEntry = z.infer<typeof moderationEntry>;
export type Attachment = z.infer<typeof attachment>;
export type Message = z.infer<typeof message>;
export type PolicyView = z.infer<typeof policyView>;
export type ComposerPolicy = z.infer<typeof composerPolicy>;
export type MoveToPrivateResult = z.infer<typeof moveToPrivateResult>;
export type ConversationPatch = z.input<typeof conversationPatch>;
export type ReplyInput = z.input<typeof replyBody>;
export type CannedReply = z.infer<typeof cannedReply>;
export type ContactDetail = z.infer<typeof contactDetail>;
export type Channel = z.infer<typeof channel>;
export type InboundDelivery = z.infer<typeof inboundDelivery>;
export type ModerationAction = z.infer<typeof moderationAction>;
export type ClassificationCorrection = z.input<typeof correctionBody>;
export type TeamModel = z.infer<typeof teamModel>;
