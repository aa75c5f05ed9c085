import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { InboundItem } from '../inbound-item.ts';
import { parseFeedChange } from './inbound-feed.ts';
import { epochMs, metaId, metaTime, type EntryContext } from './inbound-fields.ts';
import { parseInstagramChange } from './inbound-instagram.ts';
import { parseMessagingEvent } from './inbound-messaging.ts';
import { parseExactJson } from './parse-exact-json.ts';

/**
 * Meta webhook deliveries (`POST /hooks/meta`) read into platform-neutral items. The
 * envelope is validated strictly: a body that is not one throws, and the pipeline parks
 * it. Inside a valid envelope, fields and event kinds we do not record are skipped, so one
 * unfamiliar event never holds up the rest of a batch of up to 1,000.
 */
const entry = z.object({
  id: metaId,
  // Required: it is the deterministic fallback time of events that carry none.
  time: metaTime.refine((time) => epochMs(time) !== undefined, 'expected an epoch time'),
  changes: z.array(z.unknown()).optional(),
  messaging: z.array(z.unknown()).optional(),
  // Handover protocol: another app owns the thread, but the conversation still happened.
  standby: z.array(z.unknown()).optional(),
});
const envelope = z.object({ object: z.string().min(1), entry: z.array(entry) });
type Entry = z.infer<typeof entry>;
const feedChangeShape = z.object({ field: z.literal('feed'), value: z.unknown() });

/**
 * Every item in a delivery, in delivery order (entries, then each entry's changes,
 * messaging and standby events).
 *
 * @example parseMetaDelivery(storedBody).filter((item) => item.type === 'message')
 * @throws Error when the body is not JSON or not a Meta envelope (`object`, `entry[]`).
 */
export function parseMetaDelivery(body: string): InboundItem[] {
  const { object, entry: entries } = readEnvelope(body);
  const items: InboundItem[] = [];
  for (const current of entries) {
    const context: EntryContext = { accountId: current.id, entryTimeMs: epochMs(current.time)! };
    for (const event of entryEvents(object, current, context)) if (event) items.push(event);
  }
  return items;
}

/**
 * The Page or Instagram account ids a delivery concerns, once each, to route it to its
 * channels before it is processed.
 *
 * @example metaAccountIds('{"object":"page","entry":[{"id":"1","time":1},{"id":"1","time":2}]}') // ['1']
 * @throws Error as parseMetaDelivery does.
 */
export function metaAccountIds(body: string): string[] {
  return [...new Set(readEnvelope(body).entry.map((current) => current.id))];
}

/** Meta redelivers the very same bytes, so their hash names the delivery. */
export function metaDedupeKey(rawBody: Buffer): string {
  return createHash('sha256').update(rawBody).digest('hex');
}

function entryEvents(object: string, current: Entry, context: EntryContext): (InboundItem | null)[] {
  const messaging = [...(current.messaging ?? []), ...(current.standby ?? [])];
  if (object === 'page') {
    return [
      ...(current.changes ?? []).map((change) => feedChange(change, context)),
      ...messaging.map((event) => parseMessagingEvent(event, 'messenger', context)),
    ];
  }
  if (object === 'instagram') {
    return [
      ...(current.changes ?? []).map((change) => parseInstagramChange(change, context)),
      ...messaging.map((event) => parseMessagingEvent(event, 'instagram', context)),
    ];
  }
  return []; // `user`, `permissions`, WhatsApp…: not subscribed to, nothing to record
}

function feedChange(change: unknown, context: EntryContext): InboundItem | null {
  const parsed = feedChangeShape.safeParse(change);
  return parsed.success ? parseFeedChange(parsed.data.value, context) : null;
}

function readEnvelope(body: string): z.infer<typeof envelope> {
  let json: unknown;
  try {
    json = parseExactJson(body);
  } catch (error) {
    throw new Error(`Meta delivery is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = envelope.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new Error(`Not a Meta webhook envelope: ${issues.join('; ')}`);
}
