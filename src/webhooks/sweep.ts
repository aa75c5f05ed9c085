import { parseInput } from '../kernel/index.ts';
import { KEEP_DELIVERIES_MS, type WebhooksDeps } from './deps.ts';
import { DELIVER_QUEUE, STALE_SENDING_MS, deliverPayload } from './deliver.ts';

export const SWEEP_QUEUE = 'webhooks.sweep';
/** A retry the queue should have run this long ago is offered again by the sweep. */
const SWEEP_GRACE_MS = 30_000;

/**
 * The periodic sweep: offers again a retry whose job the queue lost (or, on the pg-boss queue,
 * one a test moved the clock past), takes back attempts left `sending` by a dead worker, and
 * deletes log rows past 30 days. Every workspace at once, by design.
 */
export async function sweepDeliveries(deps: WebhooksDeps): Promise<{ offered: number; purged: number }> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('webhook_deliveries').select(['workspace_id', 'id', 'attempts', 'state'])
    .where((eb) => eb.or([
      eb.and([eb('state', 'in', ['pending', 'retrying']), eb('next_attempt_at', '<=', now - SWEEP_GRACE_MS)]),
      eb.and([eb('state', '=', 'sending'), eb('last_attempt_at', '<', now - STALE_SENDING_MS)]),
    ]))
    .orderBy('next_attempt_at').limit(500).execute();
  for (const row of due) {
    const attempt = row.state === 'sending' ? row.attempts : row.attempts + 1;
    await deps.queue.enqueue(DELIVER_QUEUE, parseInput(deliverPayload, { workspaceId: row.workspace_id, deliveryId: row.id, attempt }), { singletonKey: `sweep:${row.id}:${attempt}` });
  }
  const purged = await deps.db.deleteFrom('webhook_deliveries').where('created_at', '<', now - KEEP_DELIVERIES_MS).executeTakeFirst();
  return { offered: due.length, purged: Number(purged.numDeletedRows) };
}
