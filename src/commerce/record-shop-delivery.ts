import { newId } from '../kernel/index.ts';
import type { CommerceDeps } from './deps.ts';
import { enqueueJob, jobType, type Queue } from '../jobs/index.ts';
import type { Db } from '../store/index.ts';
import { z } from 'zod';

export const SHOP_PROCESS_QUEUE = 'commerce.process';
export const SHOP_PROCESS_ATTEMPTS = 5;
/** `commerce.process`: one stored shop delivery to write. */
export const shopProcessJob = jobType(SHOP_PROCESS_QUEUE, z.object({ eventId: z.string().min(1) }));

/** Queues the processing of a stored shop delivery, in the transaction `db` when it is one (intake, admin replay). */
export function queueShopProcessing(queue: Queue, db: Db, eventId: string): Promise<string | null> {
  return enqueueJob(queue, shopProcessJob, { eventId }, { db, maxAttempts: SHOP_PROCESS_ATTEMPTS, backoffMs: 2000 });
}

export interface ShopDelivery {
  provider: 'shopify' | 'woocommerce';
  /** The platform's delivery id: the same for every retry of one delivery. */
  dedupeKey: string;
  workspaceId: string | null;
  channelId: string | null;
  headers: Record<string, unknown>;
  body: string;
}

/**
 * The only work done inside a shop webhook request, after the signature: the raw delivery
 * and its processing job in one transaction, committed before the 200. The delivery lands
 * in `inbound_events` beside Meta's and X's (same dedupe index), so a redelivery is
 * acknowledged and changes nothing, and a crash after the answer loses nothing.
 */
export async function recordShopDelivery(deps: Pick<CommerceDeps, 'db' | 'queue' | 'clock'>, delivery: ShopDelivery): Promise<'accepted' | 'duplicate'> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('inbound_events').values({
      id: newId(now), provider: delivery.provider, dedupe_key: delivery.dedupeKey, workspace_id: delivery.workspaceId, channel_id: delivery.channelId,
      headers: JSON.stringify(delivery.headers), body: delivery.body, status: 'received', attempts: 0, error: null, received_at: now, processed_at: null,
    }).onConflict((conflict) => conflict.columns(['provider', 'dedupe_key']).doNothing()).returning('id').executeTakeFirst();
    if (!inserted) return 'duplicate';
    await queueShopProcessing(deps.queue, trx, inserted.id);
    return 'accepted';
  });
}
