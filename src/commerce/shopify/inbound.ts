import { z } from 'zod';
import type { ShopCheckout, ShopCustomer, ShopLineItem, ShopOrder } from '../shop-adapter.ts';
import type { ShopEvent } from '../shop-event.ts';
import { normalizeEmail, normalizePhone, parseShopJson, text, toCents, toTime } from '../normalize.ts';

/** Shopify ids are 64-bit integers: read them as strings, never through a float. */
const id = z.union([z.string().min(1), z.number(), z.bigint()]).transform((value) => String(value));
const record = z.looseObject({});

const customerShape = z.looseObject({ id, email: z.string().nullish(), phone: z.string().nullish(), first_name: z.string().nullish(), last_name: z.string().nullish() });
const orderShape = z.looseObject({ id, name: z.string().nullish(), order_number: z.union([z.number(), z.string()]).nullish(), created_at: z.string(), updated_at: z.string().nullish() });
const checkoutShape = z.looseObject({ token: z.string().min(1), created_at: z.string(), updated_at: z.string().nullish() });

export const shopifyTopics = {
  order: ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled'],
  checkout: ['checkouts/create', 'checkouts/update'],
  customer: ['customers/create', 'customers/update'],
  privacy: ['customers/data_request', 'customers/redact', 'shop/redact'],
} as const;

/**
 * Reads one Shopify webhook body (the REST resource of its topic). Throws on a body that is
 * not that resource; the intake parks it.
 */
export function parseShopifyWebhook(topic: string, body: string): ShopEvent {
  const json = parseShopJson(body);
  const privacyTopic = shopifyTopics.privacy.find((known) => known === topic);
  if (privacyTopic) {
    record.parse(json);
    return { type: 'privacy', topic: privacyTopic };
  }
  if ((shopifyTopics.order as readonly string[]).includes(topic)) return { type: 'order', order: shopifyOrder(json) };
  if ((shopifyTopics.checkout as readonly string[]).includes(topic)) return { type: 'checkout', checkout: shopifyCheckout(json) };
  if ((shopifyTopics.customer as readonly string[]).includes(topic)) return { type: 'customer', customer: shopifyCustomer(json) };
  return { type: 'ignored', reason: `topic ${topic} is not used` };
}

export function shopifyCustomer(json: unknown): ShopCustomer {
  const raw = customerShape.parse(json) as z.infer<typeof customerShape> & Record<string, any>;
  const consent = raw.email_marketing_consent?.state;
  return {
    externalId: raw.id, email: normalizeEmail(raw.email), phone: normalizePhone(raw.phone),
    firstName: raw.first_name ?? null, lastName: raw.last_name ?? null,
    acceptsMarketing: consent === 'subscribed' || raw.accepts_marketing === true,
  };
}

function items(value: unknown): ShopLineItem[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: any) => ({ title: String(item?.title ?? item?.name ?? ''), quantity: Number(item?.quantity ?? 1), priceCents: toCents(item?.price), sku: text(item?.sku) }));
}

function orderStatus(raw: Record<string, any>): ShopOrder['status'] {
  if (raw.cancelled_at) return 'cancelled';
  if (raw.financial_status === 'refunded') return 'refunded';
  if (raw.fulfillment_status === 'fulfilled') return 'fulfilled';
  if (raw.financial_status === 'paid' || raw.financial_status === 'partially_refunded') return 'paid';
  return 'open';
}

function trackingUrl(fulfillments: unknown): string | null {
  if (!Array.isArray(fulfillments)) return null;
  for (const fulfillment of [...fulfillments].reverse()) {
    const url = text(fulfillment?.tracking_url) ?? (Array.isArray(fulfillment?.tracking_urls) ? text(fulfillment.tracking_urls[0]) : null);
    if (url && /^https?:\/\//.test(url)) return url;
  }
  return null;
}

export function shopifyOrder(json: unknown): ShopOrder {
  const raw = orderShape.parse(json) as z.infer<typeof orderShape> & Record<string, any>;
  const email = normalizeEmail(raw.email ?? raw.contact_email);
  const phone = normalizePhone(raw.phone);
  return {
    externalId: raw.id,
    number: raw.name ?? `#${raw.order_number ?? raw.id}`,
    customer: raw.customer ? shopifyCustomer(raw.customer) : null,
    email, phone,
    currency: String(raw.currency ?? raw.presentment_currency ?? 'EUR'),
    totalCents: toCents(raw.total_price),
    status: orderStatus(raw),
    financialStatus: text(raw.financial_status),
    fulfillmentStatus: text(raw.fulfillment_status),
    items: items(raw.line_items),
    trackingUrl: trackingUrl(raw.fulfillments),
    discountCodes: Array.isArray(raw.discount_codes) ? raw.discount_codes.map((code: any) => String(code?.code ?? '').toUpperCase()).filter(Boolean) : [],
    landingSite: text(raw.landing_site),
    referringSite: text(raw.referring_site),
    checkoutToken: text(raw.checkout_token),
    cartToken: text(raw.cart_token),
    placedAt: toTime(raw.processed_at) ?? toTime(raw.created_at)!,
    updatedAt: toTime(raw.updated_at),
    cancelledAt: toTime(raw.cancelled_at),
  };
}

export function shopifyCheckout(json: unknown): ShopCheckout {
  const raw = checkoutShape.parse(json) as z.infer<typeof checkoutShape> & Record<string, any>;
  const createdAt = toTime(raw.created_at)!;
  return {
    token: raw.token,
    cartToken: text(raw.cart_token),
    customer: raw.customer ? shopifyCustomer(raw.customer) : null,
    email: normalizeEmail(raw.email),
    phone: normalizePhone(raw.phone),
    currency: String(raw.currency ?? raw.presentment_currency ?? 'EUR'),
    totalCents: toCents(raw.total_price),
    items: items(raw.line_items),
    recoveryUrl: text(raw.abandoned_checkout_url),
    completedAt: toTime(raw.completed_at),
    createdAt,
    updatedAt: toTime(raw.updated_at) ?? createdAt,
  };
}
