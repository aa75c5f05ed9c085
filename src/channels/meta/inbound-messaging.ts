import { z } from 'zod';
import type { Attachment, InboundItem, MessageItem, Party } from '../inbound-item.ts';
import { epochMs, metaId, metaTime, type EntryContext } from './inbound-fields.ts';

/**
 * One `messaging[]` (or `standby[]`) event, Messenger and Instagram DMs alike: they share
 * the shape. Messages, echoes, unsends, postbacks, reactions, deliveries and reads become
 * items; referrals, opt-ins, handover and policy notices yield nothing.
 */
const nullableText = z.string().nullish();
const attachment = z.object({
  type: nullableText,
  // Old Messenger `fallback` (link share) attachments carry `payload: null` and a top-level url.
  url: nullableText,
  title: nullableText,
  payload: z.object({ url: nullableText, title: nullableText, sticker_id: metaId.nullish() }).nullish(),
});
const message = z.object({
  mid: z.string().min(1),
  text: nullableText,
  attachments: z.array(attachment).nullish(),
  is_echo: z.boolean().nullish(),
  app_id: metaId.nullish(),
  metadata: nullableText,
  is_deleted: z.boolean().nullish(),
  reply_to: z.object({ mid: nullableText }).nullish(),
});
const messagingEvent = z.object({
  sender: z.object({ id: metaId.nullish() }).nullish(),
  recipient: z.object({ id: metaId.nullish() }).nullish(),
  timestamp: metaTime.nullish(),
  message: message.nullish(),
  postback: z.object({ title: nullableText, mid: nullableText }).nullish(),
  reaction: z.object({ mid: z.string().min(1), action: z.string(), reaction: nullableText, emoji: nullableText }).nullish(),
  delivery: z.object({ watermark: metaTime.nullish() }).nullish(),
  read: z.object({ watermark: metaTime.nullish(), mid: nullableText }).nullish(),
});
type MessagingEvent = z.infer<typeof messagingEvent>;
type MessagePayload = z.infer<typeof message>;

// Links and Instagram posts, reels and story mentions someone forwards are all shares to an agent.
const attachmentTypes: Record<string, Attachment['type']> = {
  image: 'image', video: 'video', audio: 'audio', file: 'file', location: 'location',
  share: 'share', fallback: 'share', ig_reel: 'share', reel: 'share', ig_post: 'share', story_mention: 'share',
};

/**
 * One messaging event as an item, or null when it is of a kind we do not record.
 *
 * @example parseMessagingEvent({ sender: { id: '24' }, recipient: { id: '1' }, timestamp: 1700000000000, message: { mid: 'm_1', text: 'Bonjour' } }, 'messenger', context)
 */
export function parseMessagingEvent(raw: unknown, surface: string, context: EntryContext): InboundItem | null {
  const parsed = messagingEvent.safeParse(raw);
  if (!parsed.success) return null;
  const event = parsed.data;
  const sender = event.sender?.id;
  if (!sender) return null; // checkbox-plugin events name a user_ref, not a person we can answer
  const base = { accountId: context.accountId, surface, occurredAt: epochMs(event.timestamp) ?? context.entryTimeMs };
  if (event.message) return messageItem(event, event.message, sender, base);
  if (event.postback) {
    return {
      ...base,
      type: 'message',
      // Postbacks before Graph v11 have no mid; sender and time identify the tap for dedupe.
      externalId: event.postback.mid ?? `postback:${sender}:${base.occurredAt}`,
      customer: { externalId: sender },
      direction: 'in',
      text: event.postback.title ?? '',
      attachments: [],
    };
  }
  if (event.reaction) {
    return {
      ...base,
      type: 'reaction',
      targetExternalId: event.reaction.mid,
      // An unreact may name no reaction: the consumer removes whatever this author had.
      reaction: event.reaction.reaction ?? event.reaction.emoji ?? 'unknown',
      action: event.reaction.action === 'unreact' ? 'remove' : 'add',
      author: { externalId: sender },
    };
  }
  const signal = event.delivery ? 'delivered' : event.read ? 'read' : null;
  if (!signal) return null;
  const watermark = epochMs((event.delivery ?? event.read)?.watermark);
  // Delivery and read events often carry no timestamp: the watermark is the next best time.
  return { ...base, occurredAt: epochMs(event.timestamp) ?? watermark ?? context.entryTimeMs, type: 'signal', signal, customer: { externalId: sender }, watermark };
}

function messageItem(
  event: MessagingEvent,
  payload: MessagePayload,
  sender: string,
  base: { accountId: string; surface: string; occurredAt: number },
): MessageItem | null {
  const echo = payload.is_echo === true;
  // An echo is the brand's own message: sender is the Page, the customer is the recipient.
  const customerId = echo ? event.recipient?.id : sender;
  if (!customerId) return null;
  const customer: Party = { externalId: customerId };
  const item: MessageItem = {
    ...base,
    type: 'message',
    externalId: payload.mid,
    customer,
    direction: echo ? 'out' : 'in',
    text: payload.text ?? '',
    attachments: (payload.attachments ?? []).map(toAttachment),
    replyToExternalId: payload.reply_to?.mid ?? undefined,
  };
  if (echo) {
    // No app_id: a person wrote it in the Page inbox or the app; ours carry our app id.
    item.sentByApp = payload.app_id ?? null;
    item.metadata = payload.metadata ?? null;
  }
  if (payload.is_deleted) item.deleted = true;
  return item;
}

function toAttachment(raw: z.infer<typeof attachment>): Attachment {
  // Messenger sends a sticker as an image whose payload names a sticker_id.
  const type = raw.payload?.sticker_id ? 'sticker' : (attachmentTypes[raw.type ?? ''] ?? 'other');
  return { type, url: raw.payload?.url ?? raw.url ?? undefined, name: raw.payload?.title ?? raw.title ?? undefined };
}
