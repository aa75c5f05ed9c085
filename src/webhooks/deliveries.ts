import type { WebhookDelivery } from '../contracts/index.ts';
import { AppError, newId, parseInput } from '../kernel/index.ts';
import type { WebhookDeliveriesTable } from '../store/index.ts';
import type { WebhooksDeps } from './deps.ts';
import { DELIVER_QUEUE, deliverPayload } from './deliver.ts';
import { fanoutPayload } from './emit.ts';
import { fanOut } from './fanout.ts';
import { requireSubscription } from './subscriptions.ts';

/** A subscription's delivery log, newest first. */
export async function listDeliveries(deps: Pick<WebhooksDeps, 'db'>, workspaceId: string, subscriptionId: string, limit = 50): Promise<WebhookDelivery[]> {
  await requireSubscription(deps, workspaceId, subscriptionId);
  const rows = await deps.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('subscription_id', '=', subscriptionId)
    .orderBy('id', 'desc').limit(limit).execute();
  return rows.map(deliveryView);
}

/**
 * Sends a delivery again, as a new row of the log with the same body and the same
 * `webhook-id` (the receiver can tell it already has it), a fresh timestamp and signature,
 * and its own retries. The subscription must be on.
 */
export async function replayDelivery(deps: WebhooksDeps, workspaceId: string, subscriptionId: string, deliveryId: string): Promise<WebhookDelivery> {
  const subscription = await requireSubscription(deps, workspaceId, subscriptionId);
  const original = await deps.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('subscription_id', '=', subscriptionId)
    .where('id', '=', deliveryId).executeTakeFirst();
  if (!original) throw new AppError('webhook.delivery_not_found', 'Delivery not found');
  if (subscription.enabled !== 1) throw new AppError('webhook.disabled', 'Turn the subscription on before replaying a delivery');
  const now = deps.clock.now();
  const row: WebhookDeliveriesTable = {
    ...original, id: newId(now), state: 'pending', attempts: 0, next_attempt_at: now, last_attempt_at: null, response_status: null,
    response_snippet: null, error: null, duration_ms: null, replay_of: original.replay_of ?? original.id, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('webhook_deliveries').values(row).execute();
    await deps.queue.enqueue(DELIVER_QUEUE, parseInput(deliverPayload, { workspaceId, deliveryId: row.id, attempt: 1 }), { db: trx });
  });
  return deliveryView(row);
}

/** Sends a `webhook.test` event to one subscription now (through the same fan-out and delivery). */
export async function sendTestEvent(deps: WebhooksDeps, workspaceId: string, subscriptionId: string): Promise<WebhookDelivery> {
  const subscription = await requireSubscription(deps, workspaceId, subscriptionId);
  if (subscription.enabled !== 1) throw new AppError('webhook.disabled', 'Turn the subscription on before sending a test event');
  const now = deps.clock.now();
  const eventId = newId(now);
  await fanOut(deps, parseInput(fanoutPayload, { workspaceId, eventId, type: 'webhook.test', occurredAt: now, source: { subscriptionId, message: 'Relais test event' } }));
  const row = await deps.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('subscription_id', '=', subscriptionId)
    .where('message_id', '=', `msg_${eventId}`).executeTakeFirstOrThrow();
  return deliveryView(row);
}

export function deliveryView(row: WebhookDeliveriesTable): WebhookDelivery {
  return {
    id: row.id, subscriptionId: row.subscription_id, webhookId: row.message_id, eventType: row.event_type, body: row.body, state: row.state,
    attempts: row.attempts, nextAttemptAt: row.next_attempt_at, lastAttemptAt: row.last_attempt_at, responseStatus: row.response_status,
    responseSnippet: row.response_snippet, error: row.error, durationMs: row.duration_ms, replayOf: row.replay_of, createdAt: row.created_at,
  };
}
