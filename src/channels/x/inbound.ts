import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { InboundItem } from '../inbound-item.ts';
import { parseXJson } from './exact-json.ts';
import { parseDirectMessage, parseDmIndication } from './inbound-dms.ts';
import { parseFavorite, parseTweetCreate, parseTweetDelete, type XContext } from './inbound-tweets.ts';

/**
 * Account Activity deliveries (`POST /hooks/x`) read into platform-neutral items. The
 * envelope is strict (a body that is not one throws, and the pipeline parks it); inside it,
 * events we do not record (follows, blocks, mutes) and malformed events are skipped.
 */
const events = z.array(z.unknown()).optional();
const envelope = z.object({
  for_user_id: z.string().regex(/^\d+$/, 'expected the subscribed user id'),
  tweet_create_events: events,
  tweet_delete_events: events,
  favorite_events: events,
  direct_message_events: events,
  direct_message_indicate_typing_events: events,
  direct_message_mark_read_events: events,
  users: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Every item in a delivery, in delivery order within each event type.
 *
 * @example parseXDelivery(storedBody).filter((item) => item.type === 'comment')
 * @throws Error when the body is not JSON or has no `for_user_id`.
 */
export function parseXDelivery(body: string): InboundItem[] {
  const value = readEnvelope(body);
  const context: XContext = { accountId: value.for_user_id };
  const users = value.users ?? {};
  const items = [
    ...(value.tweet_create_events ?? []).map((event) => parseTweetCreate(event, context)),
    ...(value.tweet_delete_events ?? []).map((event) => parseTweetDelete(event, context)),
    ...(value.favorite_events ?? []).map((event) => parseFavorite(event, context)),
    ...(value.direct_message_events ?? []).map((event) => parseDirectMessage(event, users, context)),
    ...(value.direct_message_indicate_typing_events ?? []).map((event) => parseDmIndication(event, 'typing', users, context)),
    ...(value.direct_message_mark_read_events ?? []).map((event) => parseDmIndication(event, 'read', users, context)),
  ];
  return items.filter((item) => item !== null);
}

/**
 * `[for_user_id]`: one delivery concerns one subscribed account.
 *
 * @example xAccountIds('{"for_user_id":"2244994945","tweet_create_events":[]}') // ['2244994945']
 * @throws Error as parseXDelivery does.
 */
export function xAccountIds(body: string): string[] {
  return [readEnvelope(body).for_user_id];
}

/** X sends a delivery once (no retries below Enterprise); a byte-identical copy is a duplicate. */
export function xDedupeKey(rawBody: Buffer): string {
  return createHash('sha256').update(rawBody).digest('hex');
}

function readEnvelope(body: string): z.infer<typeof envelope> {
  let json: unknown;
  try {
    json = parseXJson(body);
  } catch (error) {
    throw new Error(`X delivery is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = envelope.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new Error(`Not an X Account Activity envelope: ${issues.join('; ')}`);
}
