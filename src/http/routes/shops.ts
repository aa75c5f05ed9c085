import type { FastifyInstance } from 'fastify';
import { connectShop, linkShopCustomer, listOrders, queueReconcile, shopAdapters, suggestOrderLinks, unlinkShopCustomer, getCustomerCommerce } from '../../commerce/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { idParam, ordersQuery, shopBody, shopLinkBody, shopLinkParams } from '../../contracts/index.ts';

/** Orders beside conversations, shop links, and connecting a shop from the console. */
export function shopRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const read = allow(needs('conversations.read'));
  const reply = allow(needs('conversations.reply'));
  const admin = allow(needs('channels.manage'));
  const db = deps.store.db;

  app.get('/api/v1/orders', read, async (request) => {
    const query = parseInput(ordersQuery, request.query);
    return { orders: await listOrders(db, callerOf(request).workspaceId, { email: query.email, contactId: query.contact_id, limit: query.limit }) };
  });

  app.get('/api/v1/contacts/:id/commerce', read, async (request) => {
    const workspaceId = callerOf(request).workspaceId;
    const { id } = parseInput(idParam, request.params);
    const contact = await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!contact) throw new AppError('contact.not_found', 'Contact not found');
    return { commerce: await getCustomerCommerce(db, workspaceId, id), suggestions: await suggestOrderLinks(db, workspaceId, id) };
  });

  app.post('/api/v1/contacts/:id/shop-links', reply, async (request, response) => {
    const { id } = parseInput(idParam, request.params);
    const link = await linkShopCustomer(db, callerOf(request).workspaceId, id, parseInput(shopLinkBody, request.body), deps.commerce.clock.now());
    return response.status(201).send(link);
  });
  app.delete('/api/v1/contacts/:id/shop-links/:shopCustomerId', reply, async (request, response) => {
    const { id, shopCustomerId } = parseInput(shopLinkParams, request.params);
    await unlinkShopCustomer(db, callerOf(request).workspaceId, id, shopCustomerId, deps.commerce.clock.now());
    return response.status(204).send();
  });

  app.post('/api/v1/shops', admin, async (request, response) => {
    const body = parseInput(shopBody, request.body);
    const flags = body.platform === 'shopify'
      ? { 'shop-domain': body.shopDomain, 'access-token': body.accessToken, 'api-base': body.apiBase }
      : { 'site-url': body.siteUrl, 'consumer-key': body.consumerKey, 'consumer-secret': body.consumerSecret, 'webhook-secret': body.webhookSecret, 'api-base': body.apiBase };
    const channelDeps = { db, clock: deps.commerce.clock, sealer: deps.commerce.sealer };
    const id = await connectShop(channelDeps, shopAdapters, callerOf(request).workspaceId, body.platform, flags);
    const webhookUrl = body.platform === 'shopify' ? `${deps.config.publicUrl}/hooks/shopify` : `${deps.config.publicUrl}/hooks/woocommerce/${id}`;
    return response.status(201).send({ id, webhookUrl });
  });
  app.post('/api/v1/shops/:id/reconcile', admin, async (request, response) => {
    const workspaceId = callerOf(request).workspaceId;
    const { id } = parseInput(idParam, request.params);
    const shop = await db.selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).where('kind', 'in', [...shopAdapters.keys()]).executeTakeFirst();
    if (!shop) throw new AppError('channel.not_found', 'Shop not found');
    await queueReconcile(deps.queue, workspaceId, id);
    return response.status(202).send({ status: 'queued' });
  });
}
