/**
 * Shopify as Relais meets it: webhooks signed with the app secret (base64 HMAC-SHA256 of
 * the exact bytes, PLATFORMS.md §3.2), including the hour after a rotation when the old
 * secret still signs, and the Admin REST API subset in `admin-api.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxClock } from '../clock.ts';
import { base64Hmac, createShopSender, type ShopDelivery, type ShopDeliveryOptions } from '../shop/shop-sender.ts';
import { handleShopifyAdmin, type AdminCall } from './admin-api.ts';
import {
  checkoutResource, customerResource, iso, lineItems, orderResource, total,
  type Json, type ShopifyCheckoutInput, type ShopifyCustomerInput, type ShopifyOrderInput, type ShopifyShop, type ShopifyShopInput,
} from './resources.ts';

export interface ShopifyOptions {
  /** The app's client secret. Default `sandbox-shopify-secret`. */
  appSecret?: string;
  webhookPath?: string;
  webhookTimeoutMs?: number;
}

export interface ShopifySendOptions extends ShopDeliveryOptions {
  /** Sign with the secret in force before `rotateSecret` (Shopify may, for up to an hour). */
  signWithPrevious?: boolean;
}

export interface ShopifyOrderPatch {
  financialStatus?: 'paid' | 'refunded' | 'partially_refunded';
  fulfill?: { trackingUrl: string };
  cancel?: boolean;
}

export interface ShopifySent<T> {
  resource: T;
  delivery: ShopDelivery;
}

export interface ShopifySandbox {
  readonly apiBase: string;
  readonly appSecret: string;
  addShop(input: ShopifyShopInput): ShopifyShop;
  setRelaisUrl(url: string): void;
  /** A new app secret; the old one keeps signing when asked (`signWithPrevious`). */
  rotateSecret(next: string): void;
  createCustomer(input: ShopifyCustomerInput & { shop?: string }, options?: ShopifySendOptions): Promise<ShopifySent<Json>>;
  createOrder(input: ShopifyOrderInput, options?: ShopifySendOptions): Promise<ShopifySent<Json>>;
  updateOrder(id: string | number, patch: ShopifyOrderPatch, options?: ShopifySendOptions): Promise<ShopifySent<Json>>;
  createCheckout(input: ShopifyCheckoutInput, options?: ShopifySendOptions): Promise<ShopifySent<Json>>;
  updateCheckout(token: string, patch: { lineItems?: ShopifyCheckoutInput['lineItems']; email?: string }, options?: ShopifySendOptions): Promise<ShopifySent<Json>>;
  /** A mandatory compliance webhook (`customers/data_request`, `customers/redact`, `shop/redact`). */
  privacyRequest(topic: 'customers/data_request' | 'customers/redact' | 'shop/redact', payload: Json, options?: ShopifySendOptions & { shop?: string }): Promise<ShopDelivery>;
  /** Sends `body` byte for byte under `topic`. */
  deliver(topic: string, body: string, options?: ShopifySendOptions & { shop?: string }): Promise<ShopDelivery>;
  releaseHeld(): Promise<ShopDelivery[]>;
  /** The most items a list page holds (Shopify: 250); lower it to see paging. */
  setPageLimit(limit: number): void;
  shop(domain?: string): ShopifyShop;
  /** Every shop's domain, in the order added. */
  domains(): string[];
  readonly deliveries: ShopDelivery[];
  readonly calls: AdminCall[];
  idle(): Promise<void>;
}

export function createShopifySandbox(options: ShopifyOptions, host: { clock: SandboxClock; relaisUrl?: string | undefined; sandboxUrl(): string }) {
  let secret = options.appSecret ?? 'sandbox-shopify-secret';
  let previous: string | undefined;
  let relaisUrl = host.relaisUrl;
  const path = options.webhookPath ?? '/hooks/shopify';
  const shops = new Map<string, ShopifyShop>();
  const calls: AdminCall[] = [];
  const sender = createShopSender(options.webhookTimeoutMs ?? 5_000);
  const now = () => host.clock.now();
  let pageLimit = 250;

  const shopOf = (domain?: string): ShopifyShop => {
    const found = domain ? shops.get(domain) : shops.values().next().value;
    if (!found) throw new Error(domain ? `Unknown shop ${domain}` : 'No shop: call addShop first');
    return found;
  };

  function deliver(shop: ShopifyShop, topic: string, body: string, send: ShopifySendOptions = {}): Promise<ShopDelivery> {
    const key = send.badSignature ? `${secret}-wrong` : send.signWithPrevious ? previous ?? secret : secret;
    const headers = {
      'content-type': 'application/json', 'user-agent': 'Shopify-Captain-Hook', 'x-shopify-topic': topic, 'x-shopify-hmac-sha256': base64Hmac(key, body),
      'x-shopify-shop-domain': shop.domain, 'x-shopify-api-version': '2026-04', 'x-shopify-webhook-id': randomUUID(),
      'x-shopify-triggered-at': new Date(now()).toISOString(), 'x-shopify-event-id': randomUUID(),
    };
    return sender.send(relaisUrl ? `${relaisUrl.replace(/\/+$/, '')}${path}` : undefined, topic, body, headers, send);
  }
  const sent = async (shop: ShopifyShop, topic: string, resource: Json, send?: ShopifySendOptions) => ({ resource, delivery: await deliver(shop, topic, JSON.stringify(resource), send) });

  const shopify: ShopifySandbox = {
    get apiBase() { return host.sandboxUrl(); },
    get appSecret() { return secret; },
    addShop(input) {
      const shop: ShopifyShop = {
        domain: input.domain, accessToken: input.accessToken, name: input.name ?? input.domain.split('.')[0]!, orders: new Map(), checkouts: new Map(),
        customers: new Map(), priceRules: new Map(), discountCodes: new Map(), nextOrderNumber: 1001,
      };
      shops.set(input.domain, shop);
      return shop;
    },
    setRelaisUrl: (url) => { relaisUrl = url; },
    domains: () => [...shops.keys()],
    rotateSecret(next) {
      previous = secret;
      secret = next;
    },
    createCustomer(input, send) {
      const shop = shopOf(input.shop);
      return sent(shop, 'customers/create', customerResource(shop, input, now()), send);
    },
    createOrder(input, send) {
      const shop = shopOf(input.shop);
      const order = orderResource(shop, input, now());
      // A checkout that becomes an order is completed (and leaves the abandoned list).
      if (input.checkoutToken) {
        const checkout = shop.checkouts.get(input.checkoutToken);
        if (checkout) Object.assign(checkout, { completed_at: iso(now()), updated_at: iso(now()) });
      }
      return sent(shop, 'orders/create', structuredClone(order), send);
    },
    updateOrder(id, patch, send) {
      const shop = [...shops.values()].find((candidate) => candidate.orders.has(String(id)));
      const order = shop?.orders.get(String(id));
      if (!shop || !order) throw new Error(`Unknown order ${id}`);
      order.updated_at = iso(now());
      let topic = 'orders/updated';
      if (patch.financialStatus) {
        order.financial_status = patch.financialStatus;
        if (patch.financialStatus === 'paid') topic = 'orders/paid';
      }
      if (patch.fulfill) {
        order.fulfillment_status = 'fulfilled';
        order.fulfillments.push({ id: Date.now(), status: 'success', tracking_company: 'Colissimo', tracking_number: '6A123', tracking_url: patch.fulfill.trackingUrl, tracking_urls: [patch.fulfill.trackingUrl] });
      }
      if (patch.cancel) {
        order.cancelled_at = iso(now());
        order.cancel_reason = 'customer';
        topic = 'orders/cancelled';
      }
      return sent(shop, topic, structuredClone(order), send);
    },
    createCheckout(input, send) {
      const shop = shopOf(input.shop);
      return sent(shop, 'checkouts/create', structuredClone(checkoutResource(shop, input, now())), send);
    },
    updateCheckout(token, patch, send) {
      const shop = [...shops.values()].find((candidate) => candidate.checkouts.has(token));
      const checkout = shop?.checkouts.get(token);
      if (!shop || !checkout) throw new Error(`Unknown checkout ${token}`);
      if (patch.lineItems) Object.assign(checkout, { line_items: lineItems(patch.lineItems), total_price: total(patch.lineItems), subtotal_price: total(patch.lineItems) });
      if (patch.email) checkout.email = patch.email;
      checkout.updated_at = iso(now());
      return sent(shop, 'checkouts/update', structuredClone(checkout), send);
    },
    privacyRequest(topic, payload, send = {}) {
      const shop = shopOf(send.shop);
      return deliver(shop, topic, JSON.stringify({ shop_id: 1, shop_domain: shop.domain, ...payload }), send);
    },
    deliver: (topic, body, send = {}) => deliver(shopOf(send.shop), topic, body, send),
    releaseHeld: () => sender.releaseHeld(),
    setPageLimit: (limit) => { pageLimit = limit; },
    shop: shopOf,
    deliveries: sender.deliveries,
    calls,
    idle: () => sender.idle(),
  };
  return { shopify, handleAdmin: (req: IncomingMessage, res: ServerResponse, url: URL) => handleShopifyAdmin(shops, calls, now, pageLimit, req, res, url) };
}
