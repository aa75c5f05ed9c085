/**
 * The Shopify world and the REST resources built from it, shaped as the Admin API and the
 * webhooks carry them (PLATFORMS.md §3.5): money as decimal strings, ids as integers,
 * `name` "#1001", checkouts keyed by `token` (no `id` since API 2026-04).
 */
export interface ShopifyShopInput {
  domain: string;
  accessToken: string;
  name?: string;
}

export interface ShopifyCustomerInput {
  id?: number;
  email?: string | null;
  phone?: string | null;
  firstName?: string;
  lastName?: string;
}

export interface ShopifyLineInput {
  title: string;
  price: string;
  quantity?: number;
  sku?: string;
}

export interface ShopifyOrderInput {
  shop?: string;
  email?: string | null;
  customer?: ShopifyCustomerInput | null;
  lineItems: ShopifyLineInput[];
  financialStatus?: 'pending' | 'paid' | 'refunded' | 'partially_refunded' | 'authorized';
  checkoutToken?: string | null;
  discountCodes?: string[];
  landingSite?: string | null;
}

export interface ShopifyCheckoutInput {
  shop?: string;
  token?: string;
  email?: string | null;
  phone?: string | null;
  customer?: ShopifyCustomerInput | null;
  lineItems: ShopifyLineInput[];
  /** The customer filled the cart this long ago (default now): a cart already waiting, as in a real shop's data. */
  startedMinutesAgo?: number;
}

export type Json = Record<string, any>;

export interface ShopifyShop {
  domain: string;
  accessToken: string;
  name: string;
  orders: Map<string, Json>;
  checkouts: Map<string, Json>;
  customers: Map<string, Json>;
  priceRules: Map<string, Json>;
  discountCodes: Map<string, Json>;
  nextOrderNumber: number;
}

let nextId = 5_912_000_000_001;
export const shopifyId = () => nextId++;

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

const money = (cents: number) => (cents / 100).toFixed(2);
const cents = (price: string) => Math.round(Number(price) * 100);

export function lineItems(lines: ShopifyLineInput[]): Json[] {
  return lines.map((line) => ({
    id: shopifyId(), title: line.title, quantity: line.quantity ?? 1, price: line.price, sku: line.sku ?? null, variant_id: shopifyId(), product_id: shopifyId(),
  }));
}

export function total(lines: ShopifyLineInput[]): string {
  return money(lines.reduce((sum, line) => sum + cents(line.price) * (line.quantity ?? 1), 0));
}

export function customerResource(shop: ShopifyShop, input: ShopifyCustomerInput, now: number): Json {
  const id = String(input.id ?? shopifyId());
  const existing = shop.customers.get(id);
  const customer = {
    ...existing,
    id: Number(id), email: input.email ?? existing?.email ?? null, phone: input.phone ?? existing?.phone ?? null,
    first_name: input.firstName ?? existing?.first_name ?? null, last_name: input.lastName ?? existing?.last_name ?? null,
    email_marketing_consent: existing?.email_marketing_consent ?? { state: 'not_subscribed', opt_in_level: 'single_opt_in', consent_updated_at: null },
    created_at: existing?.created_at ?? iso(now), updated_at: iso(now), currency: 'EUR',
  };
  shop.customers.set(id, customer);
  return customer;
}

export function orderResource(shop: ShopifyShop, input: ShopifyOrderInput, now: number): Json {
  const number = shop.nextOrderNumber++;
  const customer = input.customer ? customerResource(shop, input.customer, now) : null;
  const email = input.email ?? customer?.email ?? null;
  const order = {
    id: shopifyId(), admin_graphql_api_id: '', name: `#${number}`, order_number: number, number: number - 1000,
    email, contact_email: email, phone: customer?.phone ?? null, currency: 'EUR', presentment_currency: 'EUR',
    total_price: total(input.lineItems), subtotal_price: total(input.lineItems),
    financial_status: input.financialStatus ?? 'paid', fulfillment_status: null, cancelled_at: null, cancel_reason: null,
    discount_codes: (input.discountCodes ?? []).map((code) => ({ code, amount: '0.00', type: 'percentage' })),
    landing_site: input.landingSite ?? '/', referring_site: null, source_name: 'web',
    checkout_token: input.checkoutToken ?? null, cart_token: null, note_attributes: [],
    customer, line_items: lineItems(input.lineItems), fulfillments: [] as Json[],
    created_at: iso(now), processed_at: iso(now), updated_at: iso(now),
  };
  order.admin_graphql_api_id = `gid://shopify/Order/${order.id}`;
  shop.orders.set(String(order.id), order);
  return order;
}

export function checkoutResource(shop: ShopifyShop, input: ShopifyCheckoutInput, now: number): Json {
  const token = input.token ?? `${shopifyId().toString(16)}${shopifyId().toString(16)}`;
  const customer = input.customer ? customerResource(shop, input.customer, now) : null;
  const started = now - (input.startedMinutesAgo ?? 0) * 60_000;
  const checkout = {
    token, cart_token: `c1-${token.slice(0, 12)}`, email: input.email ?? customer?.email ?? null, phone: input.phone ?? customer?.phone ?? null,
    abandoned_checkout_url: `https://${shop.domain}/checkouts/${token}/recover?key=${token.slice(0, 8)}`,
    line_items: lineItems(input.lineItems), total_price: total(input.lineItems), subtotal_price: total(input.lineItems), currency: 'EUR', presentment_currency: 'EUR',
    completed_at: null, created_at: iso(started), updated_at: iso(started), customer, billing_address: null, shipping_address: null, discount_codes: [],
    landing_site: '/', referring_site: null, source_name: 'web', buyer_accepts_marketing: false,
  };
  shop.checkouts.set(token, checkout);
  return checkout;
}
