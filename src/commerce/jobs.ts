import { defineJob, definePeriodicJob, LONG_RUN, type JobDefinition } from '../jobs/index.ts';
import type { CommerceDeps, CommerceHooks } from './deps.ts';
import { processShopDelivery, notifyHooks, upsertedJob } from './process-shop-delivery.ts';
import { SHOP_PROCESS_ATTEMPTS, shopProcessJob } from './record-shop-delivery.ts';
import { reconcileAllShops, reconcileJob, reconcileShop, SHOP_RECONCILE_ALL_QUEUE } from './reconcile-shops.ts';
import { onCheckoutUpserted, recoverAbandonedCarts, RECOVER_QUEUE } from './recovery/recover-abandoned.ts';
import type { RecoveryDeps } from './recovery/recovery-deps.ts';
import { attributeOrder } from './attribution/attribute-order.ts';
import { linkIdentifiedContact } from './link-identities.ts';
import { contactIdentifiedJob } from '../inbox/index.ts';

/**
 * Commerce's jobs: shop webhooks are written by `commerce.process`; each order written is
 * attributed and each checkout watched for abandonment (`commerce.upserted`, then the extra
 * `commerce.hooks` of tests and extensions); reconciliation fills what webhooks missed
 * (every 15 minutes); abandoned carts are recovered (every minute).
 *
 * @example registerJobs(queue, commerceJobs(commerce, recovery));
 */
export function commerceJobs(commerce: CommerceDeps, recovery: RecoveryDeps): JobDefinition<any>[] {
  const builtIn: Required<CommerceHooks> = {
    onOrderUpserted: async (workspaceId, orderId) => { await attributeOrder(commerce, workspaceId, orderId); },
    onCheckoutUpserted: (workspaceId, checkoutId) => onCheckoutUpserted(recovery, workspaceId, checkoutId),
  };
  return [
    defineJob({ ...shopProcessJob, handler: ({ eventId }, job) => processShopDelivery(commerce, eventId, { ...job, maxAttempts: SHOP_PROCESS_ATTEMPTS }) }),
    defineJob({
      ...upsertedJob,
      handler: async (upserted) => {
        await notifyHooks({ hooks: builtIn }, upserted);
        await notifyHooks(commerce, upserted);
      },
    }),
    defineJob({ ...reconcileJob, work: LONG_RUN, handler: async (target) => { await reconcileShop(commerce, target); } }),
    definePeriodicJob({ name: SHOP_RECONCILE_ALL_QUEUE, everyMs: 15 * 60_000, handler: () => reconcileAllShops(commerce) }),
    // A verified site-chat identify (the inbox's event): the shop customer joins the contact.
    defineJob({ ...contactIdentifiedJob, handler: (identified) => linkIdentifiedContact(commerce, identified) }),
    definePeriodicJob({ name: RECOVER_QUEUE, everyMs: 60_000, handler: () => recoverAbandonedCarts(recovery) }),
  ];
}
