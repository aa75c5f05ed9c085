/**
 * Test support only: shop rows written straight into the tables, as the shop ingestion would
 * leave them, so recovery, attribution and privacy tests do not depend on webhook parsing.
 */
import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';

const at = Date.UTC(2026, 10, 23, 9, 0);

export async function insertShop(db: Db, workspaceId: string, input: { kind?: string; name?: string; externalId?: string } = {}): Promise<string> {
  const id = newId(at);
  await db.insertInto('channels').values({
    workspace_id: workspaceId, id, kind: input.kind ?? 'shopify', name: input.name ?? 'Boutique en ligne', external_id: input.externalId ?? `shop-${id.slice(-6).toLowerCase()}.myshopify.com`,
    settings: '{}', secrets: null, status: 'active', created_at: at, updated_at: at,
  }).execute();
  return id;
}

export interface CustomerFixture {
  externalId?: string;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  contactId?: string | null;
}

export async function insertShopCustomer(db: Db, workspaceId: string, channelId: string, input: CustomerFixture = {}): Promise<string> {
  const id = newId(at);
  await db.insertInto('shop_customers').values({
    workspace_id: workspaceId, id, channel_id: channelId, external_id: input.externalId ?? id, email: input.email ?? null, phone: input.phone ?? null,
    first_name: input.firstName ?? null, last_name: input.lastName ?? null, accepts_marketing: 0, contact_id: input.contactId ?? null,
    link_method: input.contactId ? 'email' : null, created_at: at, updated_at: at,
  }).execute();
  return id;
}

export interface OrderFixture {
  externalId?: string;
  number?: string;
  shopCustomerId?: string | null;
  contactId?: string | null;
  email?: string | null;
  phone?: string | null;
  totalCents?: number;
  discountCodes?: string[];
  landingSite?: string | null;
  referringSite?: string | null;
  checkoutToken?: string | null;
  placedAt: number;
}

export async function insertOrder(db: Db, workspaceId: string, channelId: string, input: OrderFixture): Promise<string> {
  const id = newId(input.placedAt);
  await db.insertInto('orders').values({
    workspace_id: workspaceId, id, channel_id: channelId, external_id: input.externalId ?? id, number: input.number ?? `#${1000 + Math.floor(Math.random() * 9000)}`,
    shop_customer_id: input.shopCustomerId ?? null, contact_id: input.contactId ?? null, email: input.email ?? null, phone: input.phone ?? null,
    currency: 'EUR', total_cents: input.totalCents ?? 4900, status: 'paid', financial_status: 'paid', fulfillment_status: null,
    items: JSON.stringify([{ title: 'Bague lune', quantity: 1, priceCents: input.totalCents ?? 4900, sku: 'BL-1' }]), tracking_url: null,
    discount_codes: JSON.stringify(input.discountCodes ?? []), landing_site: input.landingSite ?? null, referring_site: input.referringSite ?? null,
    checkout_token: input.checkoutToken ?? null, cart_token: null, placed_at: input.placedAt, platform_updated_at: input.placedAt, cancelled_at: null,
    created_at: input.placedAt, updated_at: input.placedAt,
  }).execute();
  return id;
}

export interface CheckoutFixture {
  token?: string;
  shopCustomerId?: string | null;
  contactId?: string | null;
  email?: string | null;
  phone?: string | null;
  totalCents?: number;
  recoveryUrl?: string | null;
  updatedAt: number;
}

export async function insertCheckout(db: Db, workspaceId: string, channelId: string, input: CheckoutFixture): Promise<string> {
  const id = newId(input.updatedAt);
  await db.insertInto('checkouts').values({
    workspace_id: workspaceId, id, channel_id: channelId, token: input.token ?? `tok-${id.toLowerCase()}`, cart_token: null,
    shop_customer_id: input.shopCustomerId ?? null, contact_id: input.contactId ?? null, email: input.email ?? null, phone: input.phone ?? null,
    currency: 'EUR', total_cents: input.totalCents ?? 5900, items: JSON.stringify([{ title: 'Collier étoile', quantity: 1, priceCents: 5900, sku: 'CE-2' }]),
    recovery_url: input.recoveryUrl ?? `https://boutique.example/cart/recover/${id.toLowerCase()}`, completed_at: null, order_id: null,
    platform_created_at: input.updatedAt, platform_updated_at: input.updatedAt, abandoned_at: null, created_at: input.updatedAt, updated_at: input.updatedAt,
  }).execute();
  return id;
}
