import { request } from './client.ts';
import type { SubscribableEvent, WebhookCreateBody, WebhookDelivery, WebhookSubscription, WebhookUpdateBody } from '../../../../src/contracts/index.ts';

const v1 = '/api/v1/webhooks';
const id = (value: string) => encodeURIComponent(value);

export const listWebhooks = () => request<{ subscriptions: WebhookSubscription[]; events: SubscribableEvent[] }>('GET', v1);
export const createWebhook = (input: WebhookCreateBody) => request<{ subscription: WebhookSubscription; secret: string }>('POST', v1, input);
export const updateWebhook = (subscriptionId: string, input: WebhookUpdateBody) => request<WebhookSubscription>('PATCH', `${v1}/${id(subscriptionId)}`, input);
export const deleteWebhook = (subscriptionId: string) => request<void>('DELETE', `${v1}/${id(subscriptionId)}`);
export const rotateWebhookSecret = (subscriptionId: string) => request<{ secret: string }>('POST', `${v1}/${id(subscriptionId)}/secret`);
export const sendWebhookTest = (subscriptionId: string) => request<WebhookDelivery>('POST', `${v1}/${id(subscriptionId)}/test`);
export const listWebhookDeliveries = (subscriptionId: string) => request<{ deliveries: WebhookDelivery[] }>('GET', `${v1}/${id(subscriptionId)}/deliveries`);
export const replayWebhookDelivery = (subscriptionId: string, deliveryId: string) =>
  request<WebhookDelivery>('POST', `${v1}/${id(subscriptionId)}/deliveries/${id(deliveryId)}/replay`);
