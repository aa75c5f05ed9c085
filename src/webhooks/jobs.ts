import { z } from 'zod';
import { defineJob } from '../jobs/index.ts';
import type { WebhooksDeps } from './deps.ts';
import { deliverPayload, deliverWebhook, DELIVER_QUEUE } from './deliver.ts';
import { sweepDeliveries, SWEEP_QUEUE } from './sweep.ts';
import { FANOUT_QUEUE, fanoutPayload } from './emit.ts';
import { fanOut } from './fanout.ts';

/** The sweep runs every minute (a retry's own delayed job normally comes first). */
export const SWEEP_EVERY_MS = 60_000;

/**
 * The webhooks' jobs: the fan-out of an event to its subscriptions, each delivery attempt
 * (the delivery handles its own retries on the Standard Webhooks schedule, so the queue's
 * attempts only cover a crash), and the periodic sweep.
 */
export const webhookJobs = (deps: WebhooksDeps) => [
  defineJob({ name: FANOUT_QUEUE, schema: fanoutPayload, handler: async (payload) => { await fanOut(deps, payload); } }),
  defineJob({ name: DELIVER_QUEUE, schema: deliverPayload, handler: async (payload) => deliverWebhook(deps, payload), work: { concurrency: 4 } }),
  defineJob({ name: SWEEP_QUEUE, schema: z.object({ slot: z.number().optional() }), handler: async () => { await sweepDeliveries(deps); }, everyMs: SWEEP_EVERY_MS }),
];
