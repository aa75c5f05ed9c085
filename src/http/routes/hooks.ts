import type { FastifyInstance } from 'fastify';
import { AppError } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, webhookAccess } from '../access.ts';

/**
 * `/hooks/<provider>`: the platforms' door. The body is kept as raw bytes (signatures are
 * over the bytes, not over re-serialized JSON), stored with its job in one transaction, and
 * acknowledged at once; processing happens in the job. A bad signature stores nothing.
 */
export async function hookRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  await app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.config.webhookBodyLimitBytes }, (_request, body, done) => done(null, body));

    const providerOf = (name: string) => {
      const provider = deps.channels.get(name);
      if (!provider) throw new AppError('webhook.unknown_provider', `No webhooks for "${name}"`);
      return provider;
    };

    hooks.get<{ Params: { provider: string } }>('/hooks/:provider', allow(webhookAccess), async (request, reply) => {
      const provider = providerOf(request.params.provider);
      if (!provider.handshake) throw new AppError('request.not_found', 'This provider has no handshake');
      const answer = provider.handshake(request.query as Record<string, unknown>, deps.secrets);
      return reply.status(answer.status).type(answer.contentType ?? 'text/plain; charset=utf-8').send(answer.body);
    });

    hooks.post<{ Params: { provider: string } }>('/hooks/:provider', allow(webhookAccess), async (request, reply) => {
      const provider = providerOf(request.params.provider);
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const outcome = await deps.recordDelivery(provider, deps.secrets, { rawBody, headers: request.headers, query: request.query as Record<string, unknown> });
      return reply.status(200).send({ status: outcome });
    });
  });
}
