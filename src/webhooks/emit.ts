import { z } from 'zod';
import { webhookEvents, type WebhookEventData, type WebhookEventType } from '../contracts/index.ts';
import { newId, parseInput, sha256Hex, type Clock } from '../kernel/index.ts';
import type { Queue } from '../jobs/index.ts';
import type { Db } from '../store/index.ts';

export const FANOUT_QUEUE = 'webhooks.fanout';

/**
 * What a module hands over when something happened. Inbox events name their row and the
 * fan-out reads the rest (so the ingestion transaction does no extra work); the others carry
 * their payload as it will be sent.
 */
export interface WebhookSources {
  'conversation.created': { conversationId: string };
  'conversation.resolved': { conversationId: string };
  'message.received': { messageId: string };
  'message.sent': { outboundId: string };
  'contact.identified': WebhookEventData<'contact.identified'>;
  'order.attributed': WebhookEventData<'order.attributed'>;
  'cart.recovered': WebhookEventData<'cart.recovered'>;
  'post.published': WebhookEventData<'post.published'>;
  'contest.drawn': WebhookEventData<'contest.drawn'>;
}
export type WebhookSourceType = keyof WebhookSources;

export const fanoutPayload = z.object({
  workspaceId: z.string().min(1).max(64),
  /** Becomes the `webhook-id` (`msg_<eventId>`) of every delivery of this event. */
  eventId: z.string().min(1).max(64),
  type: z.enum(Object.keys(webhookEvents) as [WebhookEventType, ...WebhookEventType[]]),
  occurredAt: z.number(),
  source: z.record(z.string(), z.unknown()),
});
export type FanoutPayload = z.infer<typeof fanoutPayload>;

/**
 * Tells the workspace's webhook subscribers that something happened. Pass the transaction
 * of the change as `db`: the fan-out job is written with it, so the event goes out if and
 * only if the change commits. Costs one indexed read when nobody subscribed. `once` names
 * an event that may be seen again (an order recomputed, a page identifying on every view):
 * the same key gives the same webhook-id, and a subscription gets it once.
 *
 * @example await emitWebhookEvent(deps, trx, workspaceId, 'message.received', { messageId });
 */
export async function emitWebhookEvent<T extends WebhookSourceType>(deps: { queue: Queue; clock: Clock }, db: Db, workspaceId: string, type: T, source: WebhookSources[T], options: { once?: string; subscribed?: ReadonlySet<string> } = {}): Promise<void> {
  const subscribed = options.subscribed ?? await subscribedEvents(db, workspaceId);
  if (!subscribed.has(type)) return;
  const now = deps.clock.now();
  const payload = parseInput(fanoutPayload, { workspaceId, eventId: options.once ? sha256Hex(`${workspaceId}:${type}:${options.once}`).slice(0, 32) : newId(now), type, occurredAt: now, source });
  await deps.queue.enqueue(FANOUT_QUEUE, payload, { db });
}

/**
 * The event types some enabled subscription of the workspace wants. A caller emitting many
 * events in one transaction (ingestion of a burst) reads it once and hands it to
 * `emitWebhookEvent` as `subscribed`.
 */
export async function subscribedEvents(db: Db, workspaceId: string): Promise<Set<string>> {
  const subscriptions = await db.selectFrom('webhook_subscriptions').select('events').where('workspace_id', '=', workspaceId).where('enabled', '=', 1).execute();
  return new Set(subscriptions.flatMap((row) => JSON.parse(row.events) as string[]));
}
