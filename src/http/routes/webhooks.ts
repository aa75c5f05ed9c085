import type { FastifyInstance } from 'fastify';
import { idParam, webhookCreateBody, webhookDeliveriesQuery, webhookDeliveryParams, webhookEventTypes, webhookUpdateBody } from '../../contracts/index.ts';
import { parseInput } from '../../kernel/index.ts';
import {
  createSubscription, deleteSubscription, getSubscription, listDeliveries, listSubscriptions, replayDelivery, rotateSecret, sendTestEvent, updateSubscription,
  type WebhooksDeps,
} from '../../webhooks/index.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import type { HttpDeps } from '../deps.ts';

/** Outgoing webhooks: subscriptions, their delivery log, replay and test events (admins). */
export function webhookRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const hooks: WebhooksDeps = { db: deps.store.db, clock: deps.inbox.clock, queue: deps.queue, sealer: deps.inbox.sealer, bus: deps.bus, logger: deps.logger };
  const access = allow(needs('webhooks.manage'));

  app.get('/api/v1/webhooks', access, async (request) => ({
    subscriptions: await listSubscriptions(hooks, callerOf(request).workspaceId),
    events: webhookEventTypes,
  }));

  app.post('/api/v1/webhooks', access, async (request, reply) => {
    const body = parseInput(webhookCreateBody, request.body);
    reply.status(201);
    return createSubscription(hooks, callerOf(request), body);
  });

  app.get('/api/v1/webhooks/:id', access, async (request) => {
    const { id } = parseInput(idParam, request.params);
    return getSubscription(hooks, callerOf(request).workspaceId, id);
  });

  app.patch('/api/v1/webhooks/:id', access, async (request) => {
    const { id } = parseInput(idParam, request.params);
    return updateSubscription(hooks, callerOf(request), id, parseInput(webhookUpdateBody, request.body));
  });

  app.delete('/api/v1/webhooks/:id', access, async (request, reply) => {
    const { id } = parseInput(idParam, request.params);
    await deleteSubscription(hooks, callerOf(request), id);
    return reply.status(204).send();
  });

  app.post('/api/v1/webhooks/:id/secret', access, async (request) => {
    const { id } = parseInput(idParam, request.params);
    return rotateSecret(hooks, callerOf(request), id);
  });

  app.post('/api/v1/webhooks/:id/test', access, async (request, reply) => {
    const { id } = parseInput(idParam, request.params);
    reply.status(202);
    return sendTestEvent(hooks, callerOf(request).workspaceId, id);
  });

  app.get('/api/v1/webhooks/:id/deliveries', access, async (request) => {
    const { id } = parseInput(idParam, request.params);
    const { limit } = parseInput(webhookDeliveriesQuery, request.query);
    return { deliveries: await listDeliveries(hooks, callerOf(request).workspaceId, id, limit) };
  });

  app.post('/api/v1/webhooks/:id/deliveries/:deliveryId/replay', access, async (request, reply) => {
    const { id, deliveryId } = parseInput(webhookDeliveryParams, request.params);
    reply.status(202);
    return replayDelivery(hooks, callerOf(request).workspaceId, id, deliveryId);
  });
}
