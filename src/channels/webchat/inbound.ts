import { z } from 'zod';
import { hmacSha256, safeEqual } from '../../kernel/index.ts';
import type { InboundItem } from '../inbound-item.ts';
import type { WebhookRequest } from '../provider.ts';

export const WEBCHAT_SIGNATURE_HEADER = 'x-relais-webchat-signature';
export const WEBCHAT_SURFACE = 'webchat';

/**
 * A visitor's message as the widget routes record it in `inbound_events`: the same durable
 * intake as a platform webhook, so an accepted message survives a crash and a resend with
 * the same client message id is recognised as a duplicate.
 */
export const webchatDeliverySchema = z.strictObject({
  account: z.string().min(1).max(80),
  visitorId: z.string().min(1).max(80),
  clientMessageId: z.string().min(1).max(80),
  name: z.string().max(120).nullable(),
  text: z.string().max(4000),
  attachments: z.array(z.strictObject({ type: z.enum(['image', 'file']), url: z.string().max(500), name: z.string().max(200) })).max(5),
  at: z.number().int(),
});

export type WebchatDelivery = z.infer<typeof webchatDeliverySchema>;

function mac(key: string, body: Buffer | string): string {
  return hmacSha256(`relais-webchat-delivery:${key}`, body).toString('hex');
}

/** Builds the request the widget routes hand to the delivery recorder. */
export function webchatRequest(key: string, delivery: WebchatDelivery): WebhookRequest {
  const rawBody = Buffer.from(JSON.stringify(delivery));
  return { rawBody, headers: { 'content-type': 'application/json', [WEBCHAT_SIGNATURE_HEADER]: mac(key, rawBody) }, query: {} };
}

/** Only Relais's own widget routes can sign a delivery: `POST /hooks/webchat` from outside is refused. */
export function verifyWebchatRequest(key: string | undefined, request: WebhookRequest): boolean {
  const header = request.headers[WEBCHAT_SIGNATURE_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return Boolean(key && value && safeEqual(value, mac(key, request.rawBody)));
}

export function readDelivery(body: string): WebchatDelivery {
  return webchatDeliverySchema.parse(JSON.parse(body));
}

export function webchatDedupeKey(request: WebhookRequest): string {
  const delivery = readDelivery(request.rawBody.toString('utf8'));
  return `${delivery.account}:${delivery.visitorId}:${delivery.clientMessageId}`;
}

/** One visitor message: the thread is the visitor (`webchat:<visitor id>`). */
export function parseWebchatDelivery(body: string): InboundItem[] {
  const delivery = readDelivery(body);
  return [{
    type: 'message', surface: WEBCHAT_SURFACE, accountId: delivery.account, occurredAt: delivery.at,
    externalId: `${delivery.visitorId}:${delivery.clientMessageId}`, direction: 'in',
    customer: { externalId: delivery.visitorId, ...(delivery.name ? { name: delivery.name } : {}) },
    text: delivery.text, attachments: delivery.attachments,
  }];
}
