import { publishEvent } from '../realtime/index.ts';
import { enqueueJob, jobType, type JobContext } from '../jobs/index.ts';
import { shopRequestJob } from '../privacy/index.ts';
import { z } from 'zod';
import type { Db } from '../store/index.ts';
import type { CommerceDeps } from './deps.ts';
import { parseShopJson } from './normalize.ts';
import type { ShopEvent } from './shop-event.ts';
import { upsertCheckout, upsertOrder, upsertShopCustomer, type ShopRef } from './upsert-shop-records.ts';

/** After a commit that changed orders or checkouts: calls the hooks (attribution, recovery), durably. */
export const SHOP_UPSERTED_QUEUE = 'commerce.upserted';

/** The privacy seam: Shopify's compliance requests, for the privacy module to carry out. */
export const PRIVACY_SHOP_REQUEST_QUEUE = 'privacy.shop_request';

const key = z.string().min(1);
/** `commerce.upserted`: the orders and checkouts a commit changed, for the hooks. */
export const upsertedJob = jobType(SHOP_UPSERTED_QUEUE, z.object({ workspaceId: key, orders: z.array(key), checkouts: z.array(key) }));

export interface PrivacyShopRequest {
  workspaceId: string;
  channelId: string;
  topic: Extract<ShopEvent, { type: 'privacy' }>['topic'];
  body: unknown;
}

export interface Upserted {
  orders: string[];
  checkouts: string[];
}

/**
 * The job behind every accepted shop webhook: read it, write the customer, order or
 * checkout (never backwards), then tell the hooks. Idempotent, so retries and replays end
 * in the same state. A body the platform module cannot read is parked, not retried.
 */
export async function processShopDelivery(deps: CommerceDeps, eventId: string, job: JobContext & { maxAttempts: number }): Promise<void> {
  const event = await deps.db.selectFrom('inbound_events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event || event.status === 'processed' || event.status === 'ignored') return;
  const now = deps.clock.now();
  if (!event.workspace_id || !event.channel_id) {
    await deps.db.updateTable('inbound_events').set({ status: 'ignored', error: 'no shop is connected for this delivery', processed_at: now }).where('id', '=', eventId).execute();
    return;
  }
  const shop: ShopRef = { workspaceId: event.workspace_id, channelId: event.channel_id };
  const headers = JSON.parse(event.headers) as Record<string, unknown>;
  const topic = String(headers['x-shopify-topic'] ?? headers['x-wc-webhook-topic'] ?? '');
  let parsed: ShopEvent;
  try {
    const platform = deps.platforms.get(event.provider);
    if (!platform) throw new Error(`no shop platform "${event.provider}"`);
    parsed = platform.parseWebhook(topic, event.body);
  } catch (error) {
    await park(deps.db, eventId, error, now);
    return;
  }
  let changes: Upserted;
  try {
    changes = await deps.db.transaction().execute(async (trx) => {
      const applied = await applyShopEvent(trx, deps, shop, parsed, event.body, now);
      await queueHooks(trx, deps, shop.workspaceId, applied);
      await trx.updateTable('inbound_events').set({ status: parsed.type === 'ignored' ? 'ignored' : 'processed', processed_at: now, attempts: event.attempts + 1, error: null })
        .where('id', '=', eventId).execute();
      return applied;
    });
  } catch (error) {
    if (job.attempt >= job.maxAttempts) {
      await park(deps.db, eventId, error, deps.clock.now());
      return;
    }
    throw error;
  }
  await announceChanges(deps, shop.workspaceId, changes);
}

/** The hooks run in their own job, queued with the writes: a crash after the commit loses no call. */
export async function queueHooks(trx: Db, deps: Pick<CommerceDeps, 'queue'>, workspaceId: string, changes: Upserted): Promise<void> {
  if (changes.orders.length === 0 && changes.checkouts.length === 0) return;
  await enqueueJob(deps.queue, upsertedJob, { workspaceId, orders: changes.orders, checkouts: changes.checkouts }, { db: trx, maxAttempts: 5, backoffMs: 5000 });
}

/** Writes what one event says, inside the caller's transaction. */
export async function applyShopEvent(trx: Db, deps: Pick<CommerceDeps, 'queue'>, shop: ShopRef, event: ShopEvent, body: string, now: number): Promise<Upserted> {
  const changes: Upserted = { orders: [], checkouts: [] };
  switch (event.type) {
    case 'order': {
      const result = await upsertOrder(trx, shop, event.order, now);
      if (result.changed) changes.orders.push(result.id);
      break;
    }
    case 'checkout': {
      const result = await upsertCheckout(trx, shop, event.checkout, now);
      if (result.changed) changes.checkouts.push(result.id);
      break;
    }
    case 'customer':
      await upsertShopCustomer(trx, shop, event.customer, now);
      break;
    case 'coupon':
      // A coupon Relais created (or an admin mapped) learns its shop id and end date.
      await trx.updateTable('promo_codes').set((eb) => ({ external_id: eb.fn.coalesce('external_id', eb.val(event.externalId)), expires_at: eb.fn.coalesce('expires_at', eb.val(event.expiresAt)) }))
        .where('workspace_id', '=', shop.workspaceId).where('channel_id', '=', shop.channelId).where('code', '=', event.code).execute();
      break;
    case 'privacy': {
      const request: PrivacyShopRequest = { ...shop, topic: event.topic, body: parseShopJson(body) };
      await enqueueJob(deps.queue, shopRequestJob, request, { db: trx, maxAttempts: 10, backoffMs: 60_000 });
      break;
    }
    case 'ignored':
      break;
  }
  return changes;
}

/**
 * The `commerce.upserted` job: attribution and recovery, after the commit; their failure
 * never undoes ingestion. A failing hook fails the job, which is retried, so hooks must be
 * idempotent (they may see the same id again).
 */
/** `contact.updated` for each contact whose orders or carts changed, once committed. */
export async function announceChanges(deps: Pick<CommerceDeps, 'db' | 'bus'>, workspaceId: string, changes: Upserted): Promise<void> {
  if (!deps.bus || (changes.orders.length === 0 && changes.checkouts.length === 0)) return;
  const contacts = new Set<string>();
  for (const [table, ids] of [['orders', changes.orders], ['checkouts', changes.checkouts]] as const) {
    if (ids.length === 0) continue;
    const rows = await deps.db.selectFrom(table).select('contact_id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('contact_id', 'is not', null).execute();
    for (const row of rows) contacts.add(row.contact_id!);
  }
  for (const contactId of contacts) await publishEvent(deps.bus, { workspaceId, type: 'contact.updated', data: { contactId } });
}

export async function notifyHooks(deps: Pick<CommerceDeps, 'hooks'>, payload: { workspaceId: string } & Upserted): Promise<void> {
  for (const orderId of payload.orders) await deps.hooks.onOrderUpserted?.(payload.workspaceId, orderId);
  for (const checkoutId of payload.checkouts) await deps.hooks.onCheckoutUpserted?.(payload.workspaceId, checkoutId);
}

async function park(db: Db, eventId: string, error: unknown, now: number): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await db.updateTable('inbound_events').set((eb) => ({ status: 'parked', error: message.slice(0, 2000), attempts: eb('attempts', '+', 1), processed_at: now }))
    .where('id', '=', eventId).execute();
}
