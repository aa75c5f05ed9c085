import { loadChannelContext, markChannelStatus } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import { trackProgress, type Progress } from '../jobs/index.ts';
import type { ShopContext } from './shop-adapter.ts';
import { ShopApiError } from './shop-api-error.ts';
import type { CommerceDeps } from './deps.ts';
import { announceChanges, queueHooks, type Upserted } from './process-shop-delivery.ts';
import { upsertCheckout, upsertOrder } from './upsert-shop-records.ts';
import { enqueueJob, jobType, type Queue } from '../jobs/index.ts';
import { z } from 'zod';

export const SHOP_RECONCILE_QUEUE = 'commerce.reconcile';
export const SHOP_RECONCILE_ALL_QUEUE = 'commerce.reconcile_all';
/** `commerce.reconcile`: pull what one shop's webhooks missed. */
export const reconcileJob = jobType(SHOP_RECONCILE_QUEUE, z.object({ workspaceId: z.string().min(1), channelId: z.string().min(1) }));

/** Queues one reconcile pass of a shop; a pass already queued or running for it is enough. */
export function queueReconcile(queue: Queue, workspaceId: string, channelId: string): Promise<string | null> {
  return enqueueJob(queue, reconcileJob, { workspaceId, channelId }, { singletonKey: channelId, maxAttempts: 3, backoffMs: 30_000 });
}
/** A first pass looks this far back; later passes start from the last one, with an overlap. */
const FIRST_LOOK_BACK_MS = 7 * 24 * 60 * 60_000;
const OVERLAP_MS = 10 * 60_000;
/** Orders or checkouts written per transaction while reconciling. */
const RECONCILE_BATCH = 100;

async function markReconciled(trx: Db, ref: { workspaceId: string; channelId: string }, at: number): Promise<void> {
  const row = await trx.selectFrom('channels').select('settings').where('workspace_id', '=', ref.workspaceId).where('id', '=', ref.channelId).executeTakeFirstOrThrow();
  const settings = { ...(JSON.parse(row.settings) as Record<string, unknown>), reconciledAt: at };
  await trx.updateTable('channels').set({ settings: JSON.stringify(settings) }).where('workspace_id', '=', ref.workspaceId).where('id', '=', ref.channelId).execute();
}

export async function loadShopContext(deps: Pick<CommerceDeps, 'db' | 'sealer'>, workspaceId: string, channelId: string): Promise<ShopContext & { kind: string; status: string }> {
  const channel = await loadChannelContext(deps, workspaceId, channelId);
  return { ...channel, channelId: channel.id, externalId: channel.externalId ?? '' };
}

/**
 * Pulls the orders and checkouts updated since the last pass from the shop API and writes
 * them as webhooks would: webhooks arrive late or never (Shopify drops a subscription after
 * 8 failed tries; Woo after 5), and upserts never go backwards, so overlap is harmless.
 *
 * @example await reconcileShop(deps, { workspaceId, channelId }) // { orders: 2, checkouts: 1 }
 */
export async function reconcileShop(deps: CommerceDeps, target: { workspaceId: string; channelId: string }): Promise<{ orders: number; checkouts: number }> {
  const shop = await loadShopContext(deps, target.workspaceId, target.channelId);
  const platform = deps.platforms.get(shop.kind);
  if (!platform || shop.status !== 'active') return { orders: 0, checkouts: 0 };
  // The shop's `commerce.reconcile` bar: fetching, then each batch written.
  return trackProgress(deps, { workspaceId: shop.workspaceId, kind: SHOP_RECONCILE_QUEUE, subject: shop.channelId }, (progress) => reconcilePass(deps, shop, platform, progress));
}

async function reconcilePass(deps: CommerceDeps, shop: Awaited<ReturnType<typeof loadShopContext>>, platform: NonNullable<ReturnType<CommerceDeps['platforms']['get']>>, progress: Progress): Promise<{ orders: number; checkouts: number }> {
  await progress.report(0, 0, 'fetching');
  const startedAt = deps.clock.now();
  const last = typeof shop.settings.reconciledAt === 'number' ? shop.settings.reconciledAt : null;
  const since = last === null ? startedAt - FIRST_LOOK_BACK_MS : last - OVERLAP_MS;
  let orders, checkouts;
  try {
    orders = await platform.listOrders(shop, since);
    checkouts = await platform.listCheckouts(shop, since);
  } catch (error) {
    if (error instanceof ShopApiError && error.kind === 'auth') {
      await markChannelStatus(deps.db, shop.workspaceId, shop.channelId, 'needs_reconnect', deps.clock.now());
      deps.logger.warn({ channelId: shop.channelId, err: error }, 'the shop refused our credentials; reconnect it');
      return { orders: 0, checkouts: 0 };
    }
    throw error;
  }
  const ref = { workspaceId: shop.workspaceId, channelId: shop.channelId };
  // Orders first (an order completes its checkout), in short transactions with a turn of the
  // event loop between them: on SQLite one long pass would hold the only connection and the
  // process, and webhook deliveries would wait past Shopify's 5 s.
  const records = [...orders.map((order) => ({ order })), ...checkouts.map((checkout) => ({ checkout }))];
  const upserted: Upserted = { orders: [], checkouts: [] };
  let start = 0;
  await progress.report(0, records.length, 'writing');
  do {
    const batch = records.slice(start, start + RECONCILE_BATCH);
    start += RECONCILE_BATCH;
    const finished = start >= records.length;
    const changes = await deps.db.transaction().execute(async (trx) => {
      const changes: Upserted = { orders: [], checkouts: [] };
      for (const record of batch) {
        if ('order' in record) {
          const result = await upsertOrder(trx, ref, record.order, startedAt);
          if (result.changed) changes.orders.push(result.id);
        } else {
          const result = await upsertCheckout(trx, ref, record.checkout, startedAt);
          if (result.changed) changes.checkouts.push(result.id);
        }
      }
      // The pass counts as done with its last batch; a crash before re-reads the same window.
      if (finished) await markReconciled(trx, ref, startedAt);
      await queueHooks(trx, deps, shop.workspaceId, changes);
      return changes;
    });
    upserted.orders.push(...changes.orders);
    upserted.checkouts.push(...changes.checkouts);
    await announceChanges(deps, shop.workspaceId, changes);
    await progress.report(Math.min(start, records.length), records.length, 'writing');
    // SQLite answers synchronously: without a turn of the event loop no request would be read.
    if (!finished) await new Promise((resolve) => setImmediate(resolve));
  } while (start < records.length);
  return { orders: upserted.orders.length, checkouts: upserted.checkouts.length };
}

/** The periodic job: one reconcile job per active shop (a singleton each, so passes never pile up). */
export async function reconcileAllShops(deps: CommerceDeps): Promise<number> {
  const shops = await deps.db.selectFrom('channels').select(['workspace_id', 'id']).where('kind', 'in', [...deps.platforms.keys()]).where('status', '=', 'active').execute();
  for (const shop of shops) {
    await queueReconcile(deps.queue, shop.workspace_id, shop.id);
  }
  return shops.length;
}
