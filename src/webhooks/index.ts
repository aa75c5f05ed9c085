/**
 * webhooks: outgoing webhooks, so a shop's own systems can follow Relais (ADR 0019,
 * docs/webhooks.md). Subscriptions per workspace (URL, events, a Standard Webhooks secret
 * stored sealed); events emitted by the other modules in the transaction of their change
 * (`emitWebhookEvent`); a fan-out job, then one signed delivery job per subscription, sent
 * through the outbound guard and retried on Standard Webhooks' schedule; the delivery log,
 * replay and test events; a subscription failing for a day is turned off and its admins told.
 */
export type { WebhooksDeps } from './deps.ts';
export { emitWebhookEvent, subscribedEvents, FANOUT_QUEUE, type WebhookSources, type WebhookSourceType } from './emit.ts';
export { createSubscription, listSubscriptions, getSubscription, updateSubscription, deleteSubscription, rotateSecret } from './subscriptions.ts';
export { listDeliveries, replayDelivery, sendTestEvent } from './deliveries.ts';
export { sweepDeliveries, SWEEP_QUEUE } from './sweep.ts';
export { DELIVER_QUEUE, RETRY_DELAYS_MS, MAX_ATTEMPTS } from './deliver.ts';
export { webhookJobs, SWEEP_EVERY_MS } from './jobs.ts';
export { signatureHeader, newWebhookSecret } from './sign.ts';
