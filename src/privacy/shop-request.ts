import { z } from 'zod';
import type { Db } from '../store/index.ts';
import { jobType } from '../jobs/index.ts';
import { erasePersonalData, exportPersonalData } from './contact-requests.ts';
import type { PrivacyDeps } from './privacy-deps.ts';
import type { SubjectSeed } from './subject.ts';

export const SHOP_PRIVACY_QUEUE = 'privacy.shop_request';

const shopId = z.union([z.string(), z.number()]).transform(String);
const customer = z.object({ id: shopId.nullish(), email: z.string().nullish(), phone: z.string().nullish() }).passthrough();

/** The job the shop intake enqueues for each Shopify privacy webhook. */
export const shopPrivacyJob = z.object({
  workspaceId: z.string().min(1),
  channelId: z.string().min(1),
  topic: z.enum(['customers/data_request', 'customers/redact', 'shop/redact']),
  // The shop's own JSON, as received: checked here (the enqueuer holds it as unknown).
  body: z.unknown().pipe(z.object({
    customer: customer.nullish(),
    orders_requested: z.array(shopId).nullish(),
    orders_to_redact: z.array(shopId).nullish(),
  }).passthrough()),
});

export type ShopPrivacyJob = z.infer<typeof shopPrivacyJob>;
/** `privacy.shop_request`, as the shop intake enqueues it. */
export const shopRequestJob = jobType(SHOP_PRIVACY_QUEUE, shopPrivacyJob);

/**
 * Handles `privacy.shop_request`: `customers/data_request` stores an export for admins;
 * `customers/redact` erases the customer (found by shop id, email or phone) and the listed
 * orders; `shop/redact` erases every customer, order and checkout of that shop.
 */
export async function handleShopPrivacyRequest(deps: PrivacyDeps, payload: unknown): Promise<void> {
  const job = shopPrivacyJob.parse(payload);
  const seed = job.topic === 'shop/redact' ? await wholeShop(deps.db, job) : await oneCustomer(deps.db, job);
  if (job.topic === 'customers/data_request') {
    await exportPersonalData(deps, job.workspaceId, 'system', seed, { source: 'shop', topic: job.topic });
    return;
  }
  await erasePersonalData(deps, job.workspaceId, 'system', seed, { topic: job.topic });
  if (job.topic === 'shop/redact') {
    // Orders without a known customer (guests) are the shop's data too.
    await deps.db.updateTable('orders').set({ email: null, phone: null, contact_id: null, shop_customer_id: null, tracking_url: null, landing_site: null, referring_site: null, checkout_token: null, cart_token: null })
      .where('workspace_id', '=', job.workspaceId).where('channel_id', '=', job.channelId).execute();
    await deps.db.deleteFrom('checkouts').where('workspace_id', '=', job.workspaceId).where('channel_id', '=', job.channelId).execute();
  }
}

async function oneCustomer(db: Db, job: ShopPrivacyJob): Promise<SubjectSeed> {
  const { workspaceId, channelId } = job;
  const who = job.body.customer;
  const email = who?.email?.trim().toLowerCase() || null;
  const phone = who?.phone?.trim() || null;
  const customers = who?.id || email || phone
    ? await db.selectFrom('shop_customers').select(['id', 'contact_id']).where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId)
      .where((eb) => eb.or([
        ...(who?.id ? [eb('external_id', '=', who.id)] : []),
        ...(email ? [eb('email', '=', email)] : []),
        ...(phone ? [eb('phone', '=', phone)] : []),
      ])).execute()
    : [];
  const contacts = email || phone
    ? await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([...(email ? [eb(eb.fn('lower', ['email']), '=', email)] : []), ...(phone ? [eb('phone', '=', phone)] : [])])).execute()
    : [];
  const orderExternalIds = [...(job.body.orders_to_redact ?? []), ...(job.body.orders_requested ?? [])];
  const orders = orderExternalIds.length > 0
    ? await db.selectFrom('orders').select('id').where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('external_id', 'in', orderExternalIds).execute()
    : [];
  return {
    contactIds: [...contacts.map((c) => c.id), ...customers.flatMap((c) => (c.contact_id ? [c.contact_id] : []))],
    shopCustomerIds: customers.map((c) => c.id),
    orderIds: orders.map((o) => o.id),
  };
}

async function wholeShop(db: Db, job: ShopPrivacyJob): Promise<SubjectSeed> {
  const customers = await db.selectFrom('shop_customers').select(['id', 'contact_id']).where('workspace_id', '=', job.workspaceId).where('channel_id', '=', job.channelId).execute();
  const orders = await db.selectFrom('orders').select('id').where('workspace_id', '=', job.workspaceId).where('channel_id', '=', job.channelId).execute();
  return { contactIds: customers.flatMap((c) => (c.contact_id ? [c.contact_id] : [])), shopCustomerIds: customers.map((c) => c.id), orderIds: orders.map((o) => o.id) };
}
