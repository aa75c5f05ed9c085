import type { Clock, Logger, Sealer } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Queue } from '../jobs/index.ts';
import type { Bus } from '../realtime/index.ts';
import type { OutboundPolicy } from '../net/index.ts';

/** What the webhooks use-cases and jobs need, built once by the composition root. */
export interface WebhooksDeps {
  db: Db;
  clock: Clock;
  queue: Queue;
  sealer: Sealer;
  /** Tells the console about the notice written when a subscription is turned off. */
  bus?: Bus | undefined;
  logger?: Logger | undefined;
  /** The outbound address policy; read from the environment at each request when absent. */
  policy?: OutboundPolicy | undefined;
}

/** A day of failures in a row, and the subscription is turned off (ADR 0019). */
export const DISABLE_AFTER_MS = 24 * 60 * 60_000;
/** Delivery log rows are kept this long. */
export const KEEP_DELIVERIES_MS = 30 * 24 * 60 * 60_000;
