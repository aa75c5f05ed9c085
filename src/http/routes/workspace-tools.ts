import type { FastifyInstance } from 'fastify';
import { addChannel } from '../../channels/index.ts';
import { addContactNote, moderationRegister, registerCsv, deleteCannedReply, deleteLabel, getContact, listCannedReplies, listInbound, listLabels, mergeContactsByHand, replayInbound, saveCannedReply, saveLabel } from '../../inbox/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import { getCustomerCommerce } from '../../commerce/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { cannedReplyBody, channelBody, idParam, inboundListQuery, labelBody, mergeBody, noteBody, registerQuery } from '../../contracts/index.ts';

/** Labels, canned replies, contacts, channels and parked deliveries. */
export function workspaceToolRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const read = allow(needs('conversations.read'));
  const curate = allow(needs('catalog.manage'));
  const admin = allow(needs('channels.manage'));

  app.get('/api/v1/labels', read, async (request) => ({ labels: await listLabels(deps.inbox, callerOf(request).workspaceId) }));
  app.post('/api/v1/labels', curate, async (request, reply) => {
    reply.status(201);
    return saveLabel(deps.inbox, callerOf(request).workspaceId, null, parseInput(labelBody, request.body));
  });
  app.patch('/api/v1/labels/:id', curate, async (request) => saveLabel(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id, parseInput(labelBody, request.body)));
  app.delete('/api/v1/labels/:id', curate, async (request, reply) => {
    await deleteLabel(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id);
    return reply.status(204).send();
  });

  app.get('/api/v1/canned-replies', read, async (request) => ({ cannedReplies: await listCannedReplies(deps.inbox, callerOf(request).workspaceId) }));
  app.post('/api/v1/canned-replies', curate, async (request, reply) => {
    reply.status(201);
    return saveCannedReply(deps.inbox, callerOf(request).workspaceId, null, parseInput(cannedReplyBody, request.body));
  });
  app.patch('/api/v1/canned-replies/:id', curate, async (request) => saveCannedReply(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id, parseInput(cannedReplyBody, request.body)));
  app.delete('/api/v1/canned-replies/:id', curate, async (request, reply) => {
    await deleteCannedReply(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id);
    return reply.status(204).send();
  });

  app.get('/api/v1/contacts/:id', read, async (request) => {
    const { workspaceId } = callerOf(request);
    const { id } = parseInput(idParam, request.params);
    const contact = await getContact(deps.inbox, workspaceId, id);
    return { ...contact, commerce: await getCustomerCommerce(deps.store.db, workspaceId, id) };
  });
  app.post('/api/v1/contacts/:id/notes', allow(needs('conversations.reply')), async (request, reply) => {
    const caller = callerOf(request);
    const id = await addContactNote(deps.inbox, caller.workspaceId, parseInput(idParam, request.params).id, caller.userId, parseInput(noteBody, request.body).text);
    reply.status(201);
    return { id };
  });
  app.post('/api/v1/contacts/:id/merge', allow(needs('conversations.reply')), async (request, reply) => {
    const { intoContactId } = parseInput(mergeBody, request.body);
    await mergeContactsByHand(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id, intoContactId);
    return reply.status(204).send();
  });

  app.get('/api/v1/channels', read, async (request) => {
    const rows = await deps.store.db.selectFrom('channels').select(['id', 'kind', 'name', 'status', 'external_id']).where('workspace_id', '=', callerOf(request).workspaceId).orderBy('name').execute();
    return { channels: rows.map((row) => ({ id: row.id, kind: row.kind, name: row.name, status: row.status, externalId: row.external_id })) };
  });
  app.post('/api/v1/channels', admin, async (request, reply) => {
    const body = parseInput(channelBody, request.body);
    const provider = deps.channels.get(body.kind);
    if (!provider) throw new AppError('channel.not_found', `No provider "${body.kind}"`);
    // The same flags as `relais channel add <kind>`: one connect path per provider.
    const flags = body.kind === 'meta'
      ? { 'page-id': body.pageId, 'page-token': body.pageToken, 'instagram-id': body.instagramId, 'api-base': body.apiBase }
      : { 'account-id': body.accountId, 'access-token': body.accessToken, 'api-base': body.apiBase };
    const spec = await provider.connect(flags);
    const id = await addChannel({ db: deps.store.db, clock: deps.inbox.clock, sealer: deps.inbox.sealer }, { workspaceId: callerOf(request).workspaceId, kind: provider.provider, ...spec });
    reply.status(201);
    return { id };
  });

  app.get('/api/v1/moderation', allow(needs('moderation.read')), async (request, reply) => {
    const { format, separator, ...filter } = parseInput(registerQuery, request.query);
    const entries = await moderationRegister(deps.inbox, callerOf(request).workspaceId, filter);
    if (format === 'json') return { entries };
    // With a byte-order mark, so Excel reads the accents as UTF-8.
    const csv = registerCsv(entries, { bom: true, separator: separator === 'semicolon' ? ';' : ',' });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="registre-moderation.csv"').send(csv);
  });

  app.get('/api/v1/admin/inbound', allow(needs('inbound.manage')), async (request) => {
    const { status, limit } = parseInput(inboundListQuery, request.query);
    return { deliveries: await listInbound(deps.inbox, callerOf(request).workspaceId, status, limit) };
  });
  app.post('/api/v1/admin/inbound/:id/replay', allow(needs('inbound.manage')), async (request, reply) => {
    await replayInbound(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id);
    return reply.status(202).send({ status: 'queued' });
  });
}
