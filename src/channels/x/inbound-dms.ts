import { z } from 'zod';
import type { Attachment, MessageItem, Party, SignalItem } from '../inbound-item.ts';
import { epochMs, type XContext } from './inbound-tweets.ts';

/**
 * `direct_message_events` (`message_create`) and the DM typing and read events (PLATFORMS.md
 * §2.3). The account's own DMs arrive too, from Relais or any other client: the direction
 * is `sender_id` against `for_user_id`, never a flag.
 */
const idString = z.string().regex(/^\d+$/, 'expected a numeric id string');
const media = z.object({ type: z.string().nullish(), media_url_https: z.string().nullish() });
const messageCreate = z.object({
  type: z.literal('message_create'),
  id: idString,
  created_timestamp: z.union([z.string(), z.number()]),
  message_create: z.object({
    target: z.object({ recipient_id: idString }),
    sender_id: idString,
    source_app_id: idString.nullish(),
    message_data: z.object({
      text: z.string().nullish(),
      attachment: z.object({ type: z.string().nullish(), media: media.nullish() }).nullish(),
    }),
  }),
});
const indication = z.object({ created_timestamp: z.union([z.string(), z.number()]), sender_id: idString, target: z.object({ recipient_id: idString }) });
const userEntry = z.object({ name: z.string().nullish(), screen_name: z.string().nullish() });

/** The `users` map of a DM delivery: id → profile. Read leniently: a name is a nicety. */
export type UsersMap = Record<string, unknown>;

const mediaTypes: Record<string, Attachment['type']> = { photo: 'image', video: 'video', animated_gif: 'video' };

/**
 * @example parseDirectMessage({ type: 'message_create', id: '1', created_timestamp: '1700000000000', message_create: { target: { recipient_id: '1' }, sender_id: '9', message_data: { text: 'Bonjour' } } }, {}, { accountId: '1' })
 */
export function parseDirectMessage(raw: unknown, users: UsersMap, context: XContext): MessageItem | null {
  const parsed = messageCreate.safeParse(raw);
  if (!parsed.success) return null;
  const event = parsed.data;
  const occurredAt = epochMs(event.created_timestamp);
  if (occurredAt === undefined) return null;
  const { sender_id: sender, target, message_data: data } = event.message_create;
  const out = sender === context.accountId;
  const item: MessageItem = {
    type: 'message',
    surface: 'x',
    accountId: context.accountId,
    occurredAt,
    externalId: event.id,
    customer: party(out ? target.recipient_id : sender, users),
    direction: out ? 'out' : 'in',
    text: data.text ?? '',
    attachments: data.attachment?.media ? [{ type: mediaTypes[data.attachment.media.type ?? ''] ?? 'other', url: data.attachment.media.media_url_https ?? undefined }] : [],
  };
  // No app id: someone wrote it in X's own apps. Ours are matched by `dm_event_id` anyway.
  if (out) item.sentByApp = event.message_create.source_app_id ?? null;
  return item;
}

/** Typing and read indications by the customer; the account's own are of no use to an agent. */
export function parseDmIndication(raw: unknown, signal: 'typing' | 'read', users: UsersMap, context: XContext): SignalItem | null {
  const parsed = indication.safeParse(raw);
  if (!parsed.success || parsed.data.sender_id === context.accountId) return null;
  const occurredAt = epochMs(parsed.data.created_timestamp);
  if (occurredAt === undefined) return null;
  return { type: 'signal', surface: 'x', accountId: context.accountId, occurredAt, signal, customer: party(parsed.data.sender_id, users) };
}

function party(id: string, users: UsersMap): Party {
  const profile = userEntry.safeParse(users[id]);
  if (!profile.success) return { externalId: id };
  return { externalId: id, name: profile.data.name ?? undefined, handle: profile.data.screen_name ?? undefined };
}
