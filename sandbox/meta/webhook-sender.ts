/**
 * Delivers webhook POSTs the way Meta does (PLATFORMS §1.2–1.3): Meta's serialisation, both
 * signature headers over the exact bytes sent, a 20 s limit per POST, retries on a non-2xx
 * answer or a network error along a schedule, then the delivery is dropped. Every delivery is
 * recorded with its attempts for the tests' assertions.
 */
import { createInFlight } from '../in-flight.ts';
import { sendRequest } from '../http-client.ts';
import { signatureHeaders, toMetaJson } from './meta-json.ts';

export interface DeliveryOptions {
  /** Send the same bytes this many times in all, one after the other. Default 1. */
  duplicate?: number;
  /** Sign with a wrong secret (well-formed headers that do not verify). */
  badSignature?: boolean;
  /** Send no signature headers at all. */
  unsigned?: boolean;
  /** Milliseconds to wait before each retry; overrides the sandbox's schedule. */
  retrySchedule?: number[];
  /** Deliver here instead of `<relaisUrl>/hooks/meta`. */
  url?: string;
}

export interface DeliveryAttempt {
  at: number;
  /** The HTTP status Relais answered; absent on a network error or a timeout. */
  status?: number;
  error?: string;
  durationMs: number;
}

export interface Delivery {
  id: number;
  /** What caused it: the action's name, `batch`, `echo` or `raw`. */
  label: string;
  url: string;
  /** The exact bytes sent (ASCII, since Meta escapes everything else). */
  body: string;
  payload: unknown;
  headers: Record<string, string>;
  state: 'pending' | 'delivered' | 'dropped';
  /** The status of the last answer, if the last attempt got one. */
  status?: number | undefined;
  /** The body of the last answer. */
  answer?: string;
  attempts: DeliveryAttempt[];
}

export interface WebhookSenderConfig {
  appSecret: string;
  retrySchedule: number[];
  timeoutMs: number;
  url(): string | undefined;
}

export interface WebhookSender {
  readonly deliveries: Delivery[];
  /** Resolves once every copy is delivered or dropped. A string body is sent as it is. */
  send(body: unknown, label: string, options?: DeliveryOptions): Promise<Delivery[]>;
  /** Resolves when no delivery is in flight or waiting for a retry. */
  idle(): Promise<void>;
  /** Drops everything in flight or waiting (on reset and close). */
  cancel(): void;
}

export function createWebhookSender(config: WebhookSenderConfig): WebhookSender {
  const deliveries: Delivery[] = [];
  const inFlight = createInFlight();
  let lifetime = new AbortController();
  let lastId = 0;

  async function sendCopies(body: string, label: string, options: DeliveryOptions, signal: AbortSignal): Promise<Delivery[]> {
    const sent: Delivery[] = [];
    for (let copy = 0; copy < Math.max(1, options.duplicate ?? 1) && !signal.aborted; copy++) {
      sent.push(await deliverOnce(body, label, options, signal));
    }
    return sent;
  }

  async function deliverOnce(body: string, label: string, options: DeliveryOptions, signal: AbortSignal): Promise<Delivery> {
    const url = options.url ?? config.url();
    const secret = options.badSignature ? `${config.appSecret}-not-the-secret` : config.appSecret;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'content-length': String(Buffer.byteLength(body)),
      ...(options.unsigned ? {} : signatureHeaders(secret, body)),
    };
    const delivery: Delivery = { id: ++lastId, label, url: url ?? '', body, payload: parsed(body), headers, state: 'pending', attempts: [] };
    deliveries.push(delivery);
    if (!url) {
      delivery.attempts.push({ at: Date.now(), error: 'No Relais URL: pass relaisUrl or call setRelaisUrl', durationMs: 0 });
      delivery.state = 'dropped';
      return delivery;
    }
    const schedule = options.retrySchedule ?? config.retrySchedule;
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      try {
        const answer = await sendRequest({ method: 'POST', url, headers, body, timeoutMs: config.timeoutMs, signal });
        Object.assign(delivery, { status: answer.status, answer: answer.body });
        delivery.attempts.push({ at: started, status: answer.status, durationMs: Date.now() - started });
        if (answer.status >= 200 && answer.status < 300) {
          delivery.state = 'delivered';
          return delivery;
        }
      } catch (error) {
        delivery.status = undefined;
        delivery.attempts.push({ at: started, error: error instanceof Error ? error.message : String(error), durationMs: Date.now() - started });
      }
      const wait = schedule[attempt];
      if (wait === undefined || !(await sleep(wait, signal))) {
        delivery.state = 'dropped';
        return delivery;
      }
    }
  }

  return {
    deliveries,
    send(payload, label, options = {}) {
      const body = typeof payload === 'string' ? payload : toMetaJson(payload);
      return inFlight.track(sendCopies(body, label, options, lifetime.signal));
    },
    idle: () => inFlight.idle(),
    cancel() {
      lifetime.abort();
      lifetime = new AbortController();
    },
  };
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Waits `ms`; false when the sandbox gave up meanwhile. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { signal.removeEventListener('abort', stop); resolve(true); }, ms);
    const stop = () => { clearTimeout(timer); resolve(false); };
    signal.addEventListener('abort', stop, { once: true });
  });
}
