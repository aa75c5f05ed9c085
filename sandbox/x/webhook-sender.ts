/**
 * Delivers Account Activity POSTs the way X does below Enterprise: once, signed over the exact
 * bytes sent, no retry (PLATFORMS.md §2.2). A delivery Relais misses is gone, which is what
 * the back-fill exists for. Every delivery is recorded for the tests' assertions.
 */
import { createInFlight } from '../in-flight.ts';
import { sendRequest } from '../http-client.ts';
import { toXJson, xSignature } from './x-json.ts';

export interface XDeliveryOptions {
  badSignature?: boolean;
  unsigned?: boolean;
  /** Deliver here instead of `<relaisUrl>/hooks/x`. */
  url?: string;
}

export interface XDelivery {
  id: number;
  /** What caused it: the action's name, `echo` or `raw`. */
  label: string;
  url: string;
  /** The exact bytes sent (UTF-8). */
  body: string;
  headers: Record<string, string>;
  state: 'delivered' | 'failed';
  status?: number | undefined;
  error?: string | undefined;
}

export interface XWebhookSender {
  readonly deliveries: XDelivery[];
  /** An object is serialised as X does; a string is sent byte for byte. */
  send(payload: unknown, label: string, options?: XDeliveryOptions): Promise<XDelivery>;
  idle(): Promise<void>;
}

export function createXWebhookSender(config: { consumerSecret: string; timeoutMs: number; url(): string | undefined }): XWebhookSender {
  const deliveries: XDelivery[] = [];
  const inFlight = createInFlight();

  async function deliver(body: string, label: string, options: XDeliveryOptions): Promise<XDelivery> {
    const url = options.url ?? config.url();
    const secret = options.badSignature ? `${config.consumerSecret}-not-the-secret` : config.consumerSecret;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Twitter-Webhooks/1.0',
      'content-length': String(Buffer.byteLength(body)),
      ...(options.unsigned ? {} : { 'x-twitter-webhooks-signature': xSignature(secret, body) }),
    };
    const delivery: XDelivery = { id: deliveries.length + 1, label, url: url ?? '', body, headers, state: 'failed' };
    deliveries.push(delivery);
    if (!url) {
      delivery.error = 'No Relais URL: pass relaisUrl or call setRelaisUrl';
      return delivery;
    }
    try {
      const answer = await sendRequest({ method: 'POST', url, headers, body, timeoutMs: config.timeoutMs });
      delivery.status = answer.status;
      if (answer.status >= 200 && answer.status < 300) delivery.state = 'delivered';
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    return delivery;
  }

  return {
    deliveries,
    send(payload, label, options = {}) {
      return inFlight.track(deliver(typeof payload === 'string' ? payload : toXJson(payload), label, options));
    },
    idle: () => inFlight.idle(),
  };
}
