/**
 * Webhook delivery for the shop platforms, with the faults tests need: a duplicate (the
 * same delivery sent twice, as at-least-once delivery allows), a held delivery that arrives
 * late (after newer ones), and a dropped one that never arrives (reconciliation's case).
 */
import { createHmac } from 'node:crypto';
import { createInFlight } from '../in-flight.ts';
import { sendRequest } from '../http-client.ts';

export interface ShopDeliveryOptions {
  /** Send it twice with the same delivery id. */
  duplicate?: boolean;
  /** Keep it until `releaseHeld()`: it arrives late, after anything sent meanwhile. */
  hold?: boolean;
  /** Never send it (the platform gave up, or the subscription was removed). */
  drop?: boolean;
  /** Sign with a wrong key. */
  badSignature?: boolean;
}

export interface ShopDelivery {
  id: number;
  topic: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  state: 'delivered' | 'failed' | 'held' | 'dropped';
  status?: number | undefined;
  error?: string | undefined;
}

export interface ShopSender {
  readonly deliveries: ShopDelivery[];
  send(url: string | undefined, topic: string, body: string, headers: Record<string, string>, options: ShopDeliveryOptions): Promise<ShopDelivery>;
  /** Sends the held deliveries now, oldest first. */
  releaseHeld(): Promise<ShopDelivery[]>;
  idle(): Promise<void>;
}

export function createShopSender(timeoutMs: number): ShopSender {
  const deliveries: ShopDelivery[] = [];
  const inFlight = createInFlight();

  async function post(delivery: ShopDelivery): Promise<ShopDelivery> {
    try {
      const answer = await sendRequest({ method: 'POST', url: delivery.url, headers: delivery.headers, body: delivery.body, timeoutMs });
      delivery.status = answer.status;
      delivery.state = answer.status >= 200 && answer.status < 300 ? 'delivered' : 'failed';
    } catch (error) {
      delivery.state = 'failed';
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    return delivery;
  }

  return {
    deliveries,
    async send(url, topic, body, headers, options) {
      const delivery: ShopDelivery = { id: deliveries.length + 1, topic, url: url ?? '', body, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, state: 'failed' };
      deliveries.push(delivery);
      if (!url) {
        delivery.error = 'No delivery URL: set the Relais URL first';
        return delivery;
      }
      if (options.drop) {
        delivery.state = 'dropped';
        return delivery;
      }
      if (options.hold) {
        delivery.state = 'held';
        return delivery;
      }
      const first = await inFlight.track(post(delivery));
      if (options.duplicate) {
        const again: ShopDelivery = { ...delivery, id: deliveries.length + 1, state: 'failed' };
        deliveries.push(again);
        await inFlight.track(post(again));
      }
      return first;
    },
    async releaseHeld() {
      const held = deliveries.filter((delivery) => delivery.state === 'held');
      for (const delivery of held) await inFlight.track(post(delivery));
      return held;
    },
    idle: () => inFlight.idle(),
  };
}

/** base64(HMAC-SHA256(secret, body)): how both Shopify and WooCommerce sign their webhooks. */
export function base64Hmac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}
