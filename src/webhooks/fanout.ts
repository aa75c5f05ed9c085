import { z } from 'zod';
import { newId } from '../kernel/index.ts';
import type { WebhooksDeps } from './deps.ts';
import { eventData } from './event-data.ts';
import type { FanoutPayload } from './emit.ts';
import { DELIVER_QUEUE, deliverPayload } from './deliver.ts';

/**
 * The fan-out job: builds the event's body once (`{ type, timestamp, data }`) and writes one
 * delivery per enabled subscription that wants it, each with its first attempt queued, in
 * one transaction. A second run of the same event writes nothing new (unique per message).
 */
export async function fanOut(deps: WebhooksDeps, event: FanoutPayload): Promise<number> {
  const subscriptions = (await deps.db.selectFrom('webhook_subscriptions').select(['id', 'events'])
    .where('workspace_id', '=', event.workspaceId).where('enabled', '=', 1).execute())
    .filter((row) => event.type === 'webhook.test' ? row.id === event.source.subscriptionId : (JSON.parse(row.events) as string[]).includes(event.type));
  if (subscriptions.length === 0) return 0;
  const data = await eventData(deps.db, event.workspaceId, event.type, event.source, event.occurredAt);
  if (!data) return 0;
  const body = JSON.stringify({ type: event.type, timestamp: new Date(event.occurredAt).toISOString(), data });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    let written = 0;
    for (const subscription of subscriptions) {
      const id = newId(now);
      const inserted = await trx.insertInto('webhook_deliveries').values({
        workspace_id: event.workspaceId, id, subscription_id: subscription.id, message_id: `msg_${event.eventId}`, event_type: event.type, body,
        state: 'pending', attempts: 0, next_attempt_at: now, last_attempt_at: null, response_status: null, response_snippet: null,
        error: null, duration_ms: null, replay_of: null, created_at: now, updated_at: now,
      }).onConflict((conflict) => conflict.columns(['workspace_id', 'subscription_id', 'message_id']).where('replay_of', 'is', null).doNothing())
        .returning('id').executeTakeFirst();
      if (!inserted) continue;
      await deps.queue.enqueue(DELIVER_QUEUE, deliverPayload.parse({ workspaceId: event.workspaceId, deliveryId: id, attempt: 1 } satisfies z.input<typeof deliverPayload>), { db: trx });
      written += 1;
    }
    return written;
  });
}
