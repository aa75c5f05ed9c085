/**
 * WooCommerce as Relais meets it: webhooks posted by the shop's "Hookshot" with
 * `X-WC-Webhook-*` headers, signed with the webhook's secret over the exact JSON body
 * (PLATFORMS.md §4), the unsigned form-encoded ping sent when a webhook is created, and
 * the REST API subset in `rest-api.ts`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxClock } from '../clock.ts';
import { base64Hmac, createShopSender, type ShopDelivery, type ShopDeliveryOptions } from '../shop/shop-sender.ts';
import { handleWooApi, type WooCall } from './rest-api.ts';
import { toWooJson, wooOrderResource, wooTime, type Json, type WooOrderInput, type WooStore, type WooStoreInput } from './resources.ts';

export interface WooSent {
  resource: Json;
  delivery: ShopDelivery;
}

export interface WooSandbox {
  readonly apiBase: string;
  addStore(input: WooStoreInput): WooStore;
  /** The delivery URL the shop admin typed for its webhooks (Relais's `/hooks/woocommerce/<channel id>`). */
  setDeliveryUrl(url: string, site?: string): void;
  /** A new webhook secret (the admin edited the webhook). */
  setWebhookSecret(secret: string, site?: string): void;
  /** The ping Woo sends when a webhook is created: `webhook_id=<id>`, form-encoded, unsigned. */
  ping(site?: string): Promise<ShopDelivery>;
  createOrder(input: WooOrderInput, options?: ShopDeliveryOptions): Promise<WooSent>;
  updateOrder(id: string | number, patch: { status?: WooOrderInput['status']; trackingUrl?: string }, options?: ShopDeliveryOptions & { site?: string }): Promise<WooSent>;
  createCustomer(input: { email: string; firstName?: string; lastName?: string; phone?: string; site?: string }, options?: ShopDeliveryOptions): Promise<WooSent>;
  /** Sends `body` byte for byte as `topic` (`order.updated`, …), signed. */
  deliver(topic: string, body: string, options?: ShopDeliveryOptions & { site?: string }): Promise<ShopDelivery>;
  releaseHeld(): Promise<ShopDelivery[]>;
  store(site?: string): WooStore;
  /** Every store's site URL, in the order added. */
  sites(): string[];
  readonly deliveries: ShopDelivery[];
  readonly calls: WooCall[];
  idle(): Promise<void>;
}

let nextWebhookId = 31;

export function createWooSandbox(host: { clock: SandboxClock; sandboxUrl(): string; webhookTimeoutMs?: number }) {
  const stores = new Map<string, WooStore>();
  const calls: WooCall[] = [];
  const sender = createShopSender(host.webhookTimeoutMs ?? 60_000);
  const now = () => host.clock.now();
  const storeOf = (site?: string): WooStore => {
    const found = site ? stores.get(site) : stores.values().next().value;
    if (!found) throw new Error(site ? `Unknown store ${site}` : 'No store: call addStore first');
    return found;
  };

  function deliver(store: WooStore, topic: string, body: string, options: ShopDeliveryOptions = {}): Promise<ShopDelivery> {
    const [resource = '', event = ''] = topic.split('.');
    const secret = options.badSignature ? `${store.webhookSecret}-wrong` : store.webhookSecret;
    const headers = {
      'content-type': 'application/json', 'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7.1)',
      'x-wc-webhook-source': `${store.siteUrl}/`, 'x-wc-webhook-topic': topic, 'x-wc-webhook-resource': resource, 'x-wc-webhook-event': event,
      'x-wc-webhook-signature': base64Hmac(secret, body), 'x-wc-webhook-id': String(store.webhookId),
      // A hash of the webhook id and the time: one per delivery.
      'x-wc-webhook-delivery-id': createHash('md5').update(`${store.webhookId}${now()}${Math.random()}`).digest('hex'),
    };
    return sender.send(store.deliveryUrl ?? undefined, topic, body, headers, options);
  }
  const sent = async (store: WooStore, topic: string, resource: Json, options?: ShopDeliveryOptions) => ({ resource, delivery: await deliver(store, topic, toWooJson(resource), options) });

  const woo: WooSandbox = {
    get apiBase() { return host.sandboxUrl(); },
    addStore(input) {
      const store: WooStore = { ...input, webhookId: nextWebhookId++, deliveryUrl: null, orders: new Map(), coupons: new Map(), customers: new Map(), nextId: 1201 };
      stores.set(input.siteUrl, store);
      return store;
    },
    setDeliveryUrl: (url, site) => { storeOf(site).deliveryUrl = url; },
    setWebhookSecret: (secret, site) => { storeOf(site).webhookSecret = secret; },
    ping(site) {
      const store = storeOf(site);
      const headers = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7.1)' };
      return sender.send(store.deliveryUrl ?? undefined, 'ping', `webhook_id=${store.webhookId}`, headers, {});
    },
    createOrder(input, options) {
      const store = storeOf(input.site);
      return sent(store, 'order.created', structuredClone(wooOrderResource(store, input, now())), options);
    },
    updateOrder(id, patch, options = {}) {
      const store = storeOf(options.site);
      const order = store.orders.get(String(id));
      if (!order) throw new Error(`Unknown order ${id}`);
      if (patch.status) order.status = patch.status;
      if (patch.status === 'completed') order.date_completed = wooTime(now());
      if (patch.trackingUrl) order.meta_data.push({ id: Date.now(), key: '_wc_shipment_tracking_items', value: [{ tracking_provider: 'colissimo', tracking_number: '6A123', custom_tracking_link: patch.trackingUrl }] });
      order.date_modified = wooTime(now());
      order.date_modified_gmt = wooTime(now());
      return sent(store, 'order.updated', structuredClone(order), options);
    },
    createCustomer(input, options) {
      const store = storeOf(input.site);
      const id = store.nextId++;
      const customer = {
        id, email: input.email, first_name: input.firstName ?? '', last_name: input.lastName ?? '', username: input.email.split('@')[0],
        billing: { email: input.email, phone: input.phone ?? '', first_name: input.firstName ?? '', last_name: input.lastName ?? '' },
        date_created_gmt: wooTime(now()), date_modified_gmt: wooTime(now()),
      };
      store.customers.set(String(id), customer);
      return sent(store, 'customer.created', customer, options);
    },
    deliver: (topic, body, options = {}) => deliver(storeOf(options.site), topic, body, options),
    releaseHeld: () => sender.releaseHeld(),
    store: storeOf,
    sites: () => [...stores.keys()],
    deliveries: sender.deliveries,
    calls,
    idle: () => sender.idle(),
  };
  return { woo, handleApi: (req: IncomingMessage, res: ServerResponse, url: URL) => handleWooApi(stores, calls, now, req, res, url) };
}
