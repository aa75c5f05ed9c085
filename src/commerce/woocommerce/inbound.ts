import { z } from 'zod';
import type { ShopCustomer, ShopOrder } from '../shop-adapter.ts';
import type { ShopEvent } from '../shop-event.ts';
import { normalizeEmail, normalizePhone, parseShopJson, text, toCents, toTime } from '../normalize.ts';

const id = z.union([z.number(), z.string().min(1)]).transform((value) => String(value));
const orderShape = z.looseObject({ id, status: z.string(), date_created_gmt: z.string().nullish(), date_created: z.string().nullish() });
const customerShape = z.looseObject({ id, email: z.string().nullish() });
const couponShape = z.looseObject({ id, code: z.string().min(1) });

/** Woo order statuses in Relais's words. */
const statuses: Record<string, ShopOrder['status']> = {
  pending: 'open', 'on-hold': 'open', processing: 'paid', completed: 'fulfilled', cancelled: 'cancelled', failed: 'cancelled', refunded: 'refunded',
};

/**
 * Reads one WooCommerce webhook body (the `/wc/v3` resource of its topic). A `deleted` event
 * carries only `{"id": …}` and changes nothing here. Throws on a body it cannot read.
 */
export function parseWooWebhook(topic: string, body: string): ShopEvent {
  const json = parseShopJson(body);
  const [resource, event] = topic.split('.');
  if (event === 'deleted') return { type: 'ignored', reason: `${topic} is kept by the shop` };
  if (resource === 'order') return { type: 'order', order: wooOrder(json) };
  if (resource === 'customer') return { type: 'customer', customer: wooCustomer(json) };
  if (resource === 'coupon') {
    const raw = couponShape.parse(json) as Record<string, any>;
    return { type: 'coupon', code: String(raw.code).toUpperCase(), externalId: String(raw.id), expiresAt: toTime(raw.date_expires_gmt, true) };
  }
  return { type: 'ignored', reason: `topic ${topic} is not used` };
}

export function wooCustomer(json: unknown): ShopCustomer {
  const raw = customerShape.parse(json) as Record<string, any>;
  return {
    externalId: String(raw.id), email: normalizeEmail(raw.email ?? raw.billing?.email), phone: normalizePhone(raw.billing?.phone),
    firstName: text(raw.first_name ?? raw.billing?.first_name), lastName: text(raw.last_name ?? raw.billing?.last_name), acceptsMarketing: false,
  };
}

export function wooOrder(json: unknown): ShopOrder {
  const raw = orderShape.parse(json) as Record<string, any>;
  const email = normalizeEmail(raw.billing?.email);
  const phone = normalizePhone(raw.billing?.phone);
  const customerId = text(raw.customer_id);
  // customer_id 0 is a guest: the billing email stands for the customer.
  const customer: ShopCustomer | null = customerId && customerId !== '0'
    ? { externalId: customerId, email, phone, firstName: text(raw.billing?.first_name), lastName: text(raw.billing?.last_name), acceptsMarketing: false }
    : null;
  const placedAt = toTime(raw.date_created_gmt, true) ?? toTime(raw.date_created, true)!;
  const status = statuses[raw.status] ?? 'open';
  return {
    externalId: raw.id,
    number: text(raw.number) ?? raw.id,
    customer, email, phone,
    currency: String(raw.currency ?? 'EUR'),
    totalCents: toCents(raw.total),
    status,
    financialStatus: raw.date_paid_gmt || raw.date_paid ? 'paid' : raw.status,
    fulfillmentStatus: raw.status === 'completed' ? 'fulfilled' : null,
    items: Array.isArray(raw.line_items)
      ? raw.line_items.map((item: any) => ({ title: String(item?.name ?? ''), quantity: Number(item?.quantity ?? 1), priceCents: toCents(item?.price), sku: text(item?.sku) }))
      : [],
    trackingUrl: trackingUrl(raw.meta_data),
    discountCodes: Array.isArray(raw.coupon_lines) ? raw.coupon_lines.map((line: any) => String(line?.code ?? '').toUpperCase()).filter(Boolean) : [],
    landingSite: null,
    referringSite: null,
    checkoutToken: null,
    cartToken: text(raw.cart_hash),
    placedAt,
    updatedAt: toTime(raw.date_modified_gmt, true) ?? toTime(raw.date_modified, true),
    cancelledAt: status === 'cancelled' ? toTime(raw.date_modified_gmt, true) : null,
  };
}

/** The shipment-tracking extension stores its items in the order's meta data. */
function trackingUrl(meta: unknown): string | null {
  if (!Array.isArray(meta)) return null;
  for (const entry of meta) {
    if (entry?.key !== '_wc_shipment_tracking_items' || !Array.isArray(entry.value)) continue;
    const url = text(entry.value.at(-1)?.custom_tracking_link);
    if (url && /^https?:\/\//.test(url)) return url;
  }
  return null;
}
