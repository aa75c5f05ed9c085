import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findChannelByAccount, loadChannelContext } from '../../channels/index.ts';
import { recordShopDelivery, verifyBase64Hmac, wooSecretCandidates } from '../../commerce/index.ts';
import { AppError, sha256Hex } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, webhookAccess } from '../access.ts';

const KEPT = /^(content-type|user-agent|x-shopify-[\w-]+|x-wc-webhook-[\w-]+)$/i;
const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const kept = (request: FastifyRequest) => Object.fromEntries(Object.entries(request.headers).filter(([name]) => KEPT.test(name)));
const rawOf = (request: FastifyRequest) => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));

/**
 * `POST /hooks/shopify` and `POST /hooks/woocommerce/:channelId`: signature over the raw
 * bytes, then the delivery and its job are stored and acknowledged (Shopify cuts at 5 s).
 * Processing happens in the `commerce.process` job.
 */
export async function shopHookRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  await app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.config.webhookBodyLimitBytes }, (_request, body, done) => done(null, body));

    hooks.post('/hooks/shopify', allow(webhookAccess), async (request, reply) => {
      const rawBody = rawOf(request);
      const secrets = [deps.secrets.get('shopifyAppSecret'), deps.secrets.get('shopifyAppSecretPrevious')];
      // Compliance topics included: an invalid HMAC is a 401 and nothing is stored.
      if (!verifyBase64Hmac(rawBody, request.headers['x-shopify-hmac-sha256'], secrets)) throw new AppError('webhook.bad_signature', 'The HMAC does not match this body');
      const topic = header(request, 'x-shopify-topic');
      const domain = header(request, 'x-shopify-shop-domain')?.toLowerCase();
      // The event id is shared by every topic one merchant action causes: alone, it keys a delivery only with its topic.
      const eventId = header(request, 'x-shopify-event-id');
      const webhookId = header(request, 'x-shopify-webhook-id') ?? (eventId && topic ? `${topic}:${eventId}` : undefined);
      if (!topic || !domain || !webhookId) throw new AppError('request.invalid', 'X-Shopify-Topic, X-Shopify-Shop-Domain and X-Shopify-Webhook-Id are required');
      const route = await findChannelByAccount(deps.store.db, 'shopify', domain);
      const status = await recordShopDelivery(deps.commerce, {
        provider: 'shopify', dedupeKey: webhookId, workspaceId: route?.workspaceId ?? null, channelId: route?.channelId ?? null, headers: kept(request), body: rawBody.toString('utf8'),
      });
      return reply.status(200).send({ status });
    });

    hooks.post<{ Params: { channelId: string } }>('/hooks/woocommerce/:channelId', allow(webhookAccess), async (request, reply) => {
      const rawBody = rawOf(request);
      const signature = request.headers['x-wc-webhook-signature'];
      // The ping Woo sends when a webhook is created: form-encoded `webhook_id=<id>`, unsigned; it wants a 200.
      if (signature === undefined && /^webhook_id=\d+$/.test(rawBody.toString('utf8').trim())) return reply.status(200).send({ status: 'pong' });
      const row = await deps.store.db.selectFrom('channels').select(['workspace_id', 'id']).where('id', '=', request.params.channelId).where('kind', '=', 'woocommerce').executeTakeFirst();
      if (!row) throw new AppError('channel.not_found', 'No WooCommerce shop here');
      const shop = await loadChannelContext(deps.inbox, row.workspace_id, row.id);
      const secrets = [...wooSecretCandidates(shop.credentials.webhookSecret), ...wooSecretCandidates(shop.credentials.previousWebhookSecret)];
      if (!verifyBase64Hmac(rawBody, signature, secrets)) throw new AppError('webhook.bad_signature', 'The signature does not match this body');
      // Woo disables a webhook after repeated failures: a signed delivery is always taken,
      // even one we cannot read (the job parks it for an admin).
      const body = rawBody.toString('utf8');
      const deliveryId = header(request, 'x-wc-webhook-delivery-id') ?? `${header(request, 'x-wc-webhook-id') ?? ''}:${sha256Hex(body)}`;
      const status = await recordShopDelivery(deps.commerce, {
        provider: 'woocommerce', dedupeKey: `${row.id}:${deliveryId}`, workspaceId: row.workspace_id, channelId: row.id, headers: kept(request), body,
      });
      return reply.status(200).send({ status });
    });
  });
}
