/**
 * The WooCommerce world and its `/wc/v3` resources (PLATFORMS.md §4): money as strings,
 * times without a zone (`_gmt` ones in UTC), `customer_id` 0 for a guest, coupons on
 * `coupon_lines`. Bodies are encoded as PHP's `wp_json_encode` does.
 */
export type Json = Record<string, any>;

export interface WooStoreInput {
  siteUrl: string;
  consumerKey: string;
  consumerSecret: string;
  webhookSecret: string;
}

export interface WooStore extends WooStoreInput {
  webhookId: number;
  /** Where the webhooks go: set once the shop is connected in Relais (its URL names the channel). */
  deliveryUrl: string | null;
  orders: Map<string, Json>;
  coupons: Map<string, Json>;
  customers: Map<string, Json>;
  nextId: number;
}

export interface WooOrderInput {
  site?: string;
  customerId?: number;
  billing: { email: string; firstName?: string; lastName?: string; phone?: string };
  lineItems: { name: string; price: string; quantity?: number; sku?: string }[];
  status?: 'pending' | 'processing' | 'on-hold' | 'completed' | 'cancelled' | 'refunded' | 'failed';
  couponCodes?: string[];
}

/** `2026-11-23T09:00:00`: Woo's format, no zone. */
export const wooTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** PHP's json_encode without flags: `/` escaped, everything past ASCII as \uXXXX. */
export function toWooJson(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, '\\/').replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).trim();
}

export function wooOrderResource(store: WooStore, input: WooOrderInput, now: number): Json {
  const id = store.nextId++;
  const lines = input.lineItems.map((line, index) => ({
    id: id * 100 + index, name: line.name, product_id: 100 + index, variation_id: 0, quantity: line.quantity ?? 1, sku: line.sku ?? '',
    price: Number(line.price), subtotal: (Number(line.price) * (line.quantity ?? 1)).toFixed(2), total: (Number(line.price) * (line.quantity ?? 1)).toFixed(2),
  }));
  const total = lines.reduce((sum, line) => sum + Number(line.total), 0).toFixed(2);
  const status = input.status ?? 'processing';
  const order = {
    id, parent_id: 0, number: String(id), order_key: `wc_order_${id.toString(36)}x`, created_via: 'checkout', version: '9.4.0', status, currency: 'EUR',
    date_created: wooTime(now), date_created_gmt: wooTime(now), date_modified: wooTime(now), date_modified_gmt: wooTime(now),
    discount_total: '0.00', shipping_total: '0.00', total, customer_id: input.customerId ?? 0,
    billing: { first_name: input.billing.firstName ?? '', last_name: input.billing.lastName ?? '', email: input.billing.email, phone: input.billing.phone ?? '', country: 'FR' },
    shipping: { first_name: input.billing.firstName ?? '', last_name: input.billing.lastName ?? '', country: 'FR' },
    payment_method: 'stripe', date_paid: status === 'pending' ? null : wooTime(now), date_paid_gmt: status === 'pending' ? null : wooTime(now),
    date_completed: null, cart_hash: `h${id}`, line_items: lines, shipping_lines: [], fee_lines: [], meta_data: [] as Json[],
    coupon_lines: (input.couponCodes ?? []).map((code, index) => ({ id: id * 10 + index, code: code.toLowerCase(), discount: '0.00', discount_tax: '0.00', meta_data: [] })),
  };
  store.orders.set(String(id), order);
  return order;
}
