import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { ShopCheckout, ShopCustomer, ShopOrder } from './shop-adapter.ts';
import { autoLinkShopCustomer } from './link-identities.ts';

export interface ShopRef {
  workspaceId: string;
  channelId: string;
}

/**
 * Creates or refreshes a shop customer and links it to a contact by email or phone when it
 * has none yet. The link columns are never written here once set, so an identify or an
 * agent's link survives every later webhook.
 */
export async function upsertShopCustomer(db: Db, shop: ShopRef, customer: ShopCustomer, now: number): Promise<{ id: string; contactId: string | null }> {
  const where = () => db.selectFrom('shop_customers').select(['id', 'contact_id', 'link_method', 'email', 'phone'])
    .where('workspace_id', '=', shop.workspaceId).where('channel_id', '=', shop.channelId).where('external_id', '=', customer.externalId);
  let row = await where().executeTakeFirst();
  if (!row) {
    const inserted = await db.insertInto('shop_customers').values({
      workspace_id: shop.workspaceId, id: newId(now), channel_id: shop.channelId, external_id: customer.externalId,
      email: customer.email, phone: customer.phone, first_name: customer.firstName, last_name: customer.lastName,
      accepts_marketing: customer.acceptsMarketing ? 1 : 0, contact_id: null, link_method: null, created_at: now, updated_at: now,
    }).onConflict((conflict) => conflict.columns(['workspace_id', 'channel_id', 'external_id']).doNothing()).returning('id').executeTakeFirst();
    // Only a concurrent writer's row needs reading back; a fresh one is known.
    row = inserted ? { id: inserted.id, contact_id: null, link_method: null, email: customer.email, phone: customer.phone } : await where().executeTakeFirstOrThrow();
  } else {
    await db.updateTable('shop_customers').set({
      email: customer.email ?? row.email, phone: customer.phone ?? row.phone,
      ...(customer.firstName ? { first_name: customer.firstName } : {}), ...(customer.lastName ? { last_name: customer.lastName } : {}),
      accepts_marketing: customer.acceptsMarketing ? 1 : 0, updated_at: now,
    }).where('workspace_id', '=', shop.workspaceId).where('id', '=', row.id).execute();
  }
  if (row.contact_id || row.link_method) return { id: row.id, contactId: row.contact_id };
  const contactId = await autoLinkShopCustomer(db, shop.workspaceId, { id: row.id, externalId: customer.externalId, email: customer.email ?? row.email, phone: customer.phone ?? row.phone }, now);
  return { id: row.id, contactId };
}

/** Within one second (platform times have that grain) an order never moves back to an earlier state. */
const STATUS_RANK: Record<ShopOrder['status'], number> = { open: 0, paid: 1, fulfilled: 2, refunded: 3, cancelled: 3 };

/**
 * Whether an incoming version should replace the stored one: a later platform time does;
 * an earlier one never does; the same time does only when `sameTimeWins` says so (two
 * updates in one second, told apart by content).
 */
function isNewer(incoming: number | null, stored: number | null, sameTimeWins: () => boolean): boolean {
  if (incoming === null) return stored === null && sameTimeWins();
  if (stored === null || incoming > stored) return true;
  return incoming === stored && sameTimeWins();
}

/** Whether any written column would change (`updated_at` aside), so a redelivery is no change. */
function differs(values: Record<string, unknown>, stored: Record<string, unknown>): boolean {
  return Object.entries(values).some(([column, value]) => column !== 'updated_at' && String(value ?? '') !== String(stored[column] ?? ''));
}

/** A guest (no shop account) is known by the email of the order or checkout. */
function customerOf(record: { customer: ShopCustomer | null; email: string | null; phone: string | null }): ShopCustomer | null {
  if (record.customer) return { ...record.customer, email: record.customer.email ?? record.email, phone: record.customer.phone ?? record.phone };
  if (!record.email) return null;
  return { externalId: `guest:${record.email}`, email: record.email, phone: record.phone, firstName: null, lastName: null, acceptsMarketing: false };
}

/**
 * Writes an order unless a newer version is already stored (`platform_updated_at`), so a
 * late webhook or a reconciliation pass never moves an order backwards. Answers whether
 * anything changed: a redelivery of the same version changes nothing. An order placed from a checkout completes that checkout.
 */
export async function upsertOrder(db: Db, shop: ShopRef, order: ShopOrder, now: number): Promise<{ id: string; changed: boolean }> {
  const customer = customerOf(order);
  const linked = customer ? await upsertShopCustomer(db, shop, customer, now) : null;
  const values = {
    number: order.number, shop_customer_id: linked?.id ?? null, contact_id: (linked?.contactId ?? null) as string | null, email: order.email, phone: order.phone,
    currency: order.currency, total_cents: order.totalCents, status: order.status, financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus, items: JSON.stringify(order.items), tracking_url: order.trackingUrl,
    discount_codes: JSON.stringify(order.discountCodes), landing_site: order.landingSite, referring_site: order.referringSite,
    checkout_token: order.checkoutToken, cart_token: order.cartToken, placed_at: order.placedAt,
    platform_updated_at: order.updatedAt, cancelled_at: order.cancelledAt, updated_at: now,
  };
  const inserted = await db.insertInto('orders').values({ workspace_id: shop.workspaceId, id: newId(now), channel_id: shop.channelId, external_id: order.externalId, created_at: now, ...values })
    .onConflict((conflict) => conflict.columns(['workspace_id', 'channel_id', 'external_id']).doNothing()).returning('id').executeTakeFirst();
  let changed = inserted !== undefined;
  let id = inserted?.id;
  if (!inserted) {
    const stored = await db.selectFrom('orders').selectAll().where('workspace_id', '=', shop.workspaceId).where('channel_id', '=', shop.channelId)
      .where('external_id', '=', order.externalId).executeTakeFirstOrThrow();
    id = stored.id;
    // An order with neither account nor email is linked by an agent on the order itself: kept.
    if (!linked) values.contact_id = stored.contact_id;
    if (isNewer(order.updatedAt, stored.platform_updated_at, () => STATUS_RANK[order.status] >= STATUS_RANK[stored.status] && differs(values, stored))) {
      let update = db.updateTable('orders').set(values).where('workspace_id', '=', shop.workspaceId).where('id', '=', stored.id);
      // The same guard in SQL: a concurrent writer of a newer version wins.
      if (order.updatedAt !== null) update = update.where((eb) => eb.or([eb('platform_updated_at', 'is', null), eb('platform_updated_at', '<=', order.updatedAt!)]));
      changed = Number((await update.executeTakeFirst()).numUpdatedRows) > 0;
    }
  }
  if (order.checkoutToken) {
    await db.updateTable('checkouts').set({ order_id: id!, completed_at: order.placedAt, updated_at: now })
      .where('workspace_id', '=', shop.workspaceId).where('channel_id', '=', shop.channelId).where('token', '=', order.checkoutToken).where('order_id', 'is', null).execute();
  }
  return { id: id!, changed };
}

/** The same for a checkout, keyed by its token; a checkout whose order is known is completed. */
export async function upsertCheckout(db: Db, shop: ShopRef, checkout: ShopCheckout, now: number): Promise<{ id: string; changed: boolean }> {
  const customer = customerOf(checkout);
  const linked = customer ? await upsertShopCustomer(db, shop, customer, now) : null;
  const order = await db.selectFrom('orders').select(['id', 'placed_at']).where('workspace_id', '=', shop.workspaceId).where('channel_id', '=', shop.channelId)
    .where('checkout_token', '=', checkout.token).executeTakeFirst();
  const values = {
    cart_token: checkout.cartToken, shop_customer_id: linked?.id ?? null, contact_id: linked?.contactId ?? null, email: checkout.email, phone: checkout.phone,
    currency: checkout.currency, total_cents: checkout.totalCents, items: JSON.stringify(checkout.items), recovery_url: checkout.recoveryUrl,
    completed_at: checkout.completedAt ?? order?.placed_at ?? null, order_id: order?.id ?? null,
    platform_created_at: checkout.createdAt, platform_updated_at: checkout.updatedAt, updated_at: now,
  };
  const inserted = await db.insertInto('checkouts').values({ workspace_id: shop.workspaceId, id: newId(now), channel_id: shop.channelId, token: checkout.token, abandoned_at: null, created_at: now, ...values })
    .onConflict((conflict) => conflict.columns(['workspace_id', 'channel_id', 'token']).doNothing()).returning('id').executeTakeFirst();
  let changed = inserted !== undefined;
  let id = inserted?.id;
  if (!inserted) {
    const stored = await db.selectFrom('checkouts').selectAll().where('workspace_id', '=', shop.workspaceId).where('channel_id', '=', shop.channelId)
      .where('token', '=', checkout.token).executeTakeFirstOrThrow();
    id = stored.id;
    if (isNewer(checkout.updatedAt, stored.platform_updated_at, () => differs(values, stored))) {
      const result = await db.updateTable('checkouts').set(values).where('workspace_id', '=', shop.workspaceId).where('id', '=', stored.id)
        .where('platform_updated_at', '<=', checkout.updatedAt).executeTakeFirst();
      changed = Number(result.numUpdatedRows) > 0;
    }
  }
  return { id: id!, changed };
}
