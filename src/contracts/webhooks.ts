import { z } from 'zod';
import { say } from '../kernel/index.ts';
import { epochMs, id } from './common.ts';

/**
 * Outgoing webhooks: the events a shop's own systems can follow, the payload each one
 * carries (`{ type, timestamp, data }`, docs/webhooks.md) and the `/api/v1/webhooks` shapes.
 * Payloads carry ids and the few fields a receiver needs; customer text only where it is
 * the point (`message.received`).
 */
const ref = z.string();
export const webhookEvents = {
  'conversation.created': z.object({ conversationId: ref, channelId: ref, contactId: ref.nullable(), kind: z.string(), createdAt: epochMs }),
  'conversation.resolved': z.object({ conversationId: ref, channelId: ref, contactId: ref.nullable(), resolvedAt: epochMs }),
  'message.received': z.object({ messageId: ref, conversationId: ref, channelId: ref, contactId: ref.nullable(), surface: z.string().nullable(), text: z.string(), receivedAt: epochMs }),
  'message.sent': z.object({ messageId: ref, conversationId: ref, channelId: ref, outboundId: ref, platformId: ref.nullable(), sentAt: epochMs }),
  'contact.identified': z.object({ contactId: ref, channelId: ref, shopCustomerId: ref.nullable().meta({ description: 'The shop\'s own customer id, when the page gave one' }), identifiedAt: epochMs }),
  'order.attributed': z.object({ orderId: ref, shopOrderId: ref, shopChannelId: ref, contactId: ref.nullable(), models: z.array(z.string()), sourceChannelId: ref.nullable(), conversationId: ref.nullable(), postId: ref.nullable(), totalCents: z.number().int(), currency: z.string(), attributedAt: epochMs }),
  'cart.recovered': z.object({ checkoutId: ref, orderId: ref, shopOrderId: ref, conversationId: ref.nullable(), contactId: ref.nullable(), totalCents: z.number().int(), currency: z.string(), recoveredAt: epochMs }),
  'post.published': z.object({ postId: ref, versionId: ref, network: z.string(), platformId: ref.nullable(), permalink: z.string().nullable(), publishedAt: epochMs }),
  'contest.drawn': z.object({ contestId: ref, winners: z.number().int(), alternates: z.number().int(), drawnAt: epochMs }),
  /** Sent by « Send a test event » only, whatever the subscription's events. */
  'webhook.test': z.object({ subscriptionId: ref, message: z.string() }),
} as const;

export type WebhookEventType = keyof typeof webhookEvents;
export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof webhookEvents)[T]>;
/** The events a subscription can choose (the test event is not one). */
export const webhookEventTypes = (Object.keys(webhookEvents) as WebhookEventType[]).filter((type) => type !== 'webhook.test') as Exclude<WebhookEventType, 'webhook.test'>[];
export const subscribableEvent = z.enum(webhookEventTypes as [Exclude<WebhookEventType, 'webhook.test'>, ...Exclude<WebhookEventType, 'webhook.test'>[]]);

const url = z.url(say('Saisissez une adresse web complète (https://…).', 'Enter a full web address (https://…).')).max(2000);
const events = z.array(subscribableEvent).min(1, say('Choisissez au moins un événement.', 'Choose at least one event.')).max(webhookEventTypes.length);
const description = z.string().trim().max(200);

// Requests.
export const webhookCreateBody = z.strictObject({ url, events, description: description.default(''), enabled: z.boolean().default(true) });
export const webhookUpdateBody = z.strictObject({ url: url.optional(), events: events.optional(), description: description.optional(), enabled: z.boolean().optional() });
export const webhookDeliveryParams = z.strictObject({ id, deliveryId: id });
export const webhookDeliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

// Responses.
export const webhookSubscription = z.object({
  id, url: z.string(), description: z.string(), events: z.array(z.string()), enabled: z.boolean(),
  disabledReason: z.enum(['failing', 'manual']).nullable(), failingSince: epochMs.nullable(), lastSuccessAt: epochMs.nullable(),
  createdAt: epochMs, updatedAt: epochMs,
}).meta({ id: 'WebhookSubscription' });
export const webhookSecret = z.object({ secret: z.string().meta({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) });
export const webhookDelivery = z.object({
  id, subscriptionId: id, webhookId: z.string(), eventType: z.string(), body: z.string(),
  state: z.enum(['pending', 'sending', 'retrying', 'delivered', 'failed']), attempts: z.number().int(),
  nextAttemptAt: epochMs.nullable(), lastAttemptAt: epochMs.nullable(), responseStatus: z.number().int().nullable(),
  responseSnippet: z.string().nullable(), error: z.string().nullable(), durationMs: z.number().int().nullable(),
  replayOf: id.nullable(), createdAt: epochMs,
}).meta({ id: 'WebhookDelivery' });

export type SubscribableEvent = z.infer<typeof subscribableEvent>;
export type WebhookSubscription = z.infer<typeof webhookSubscription>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export type WebhookCreateBody = z.input<typeof webhookCreateBody>;
export type WebhookUpdateBody = z.input<typeof webhookUpdateBody>;
