import type { FastifyInstance } from 'fastify';
import { createApiToken, listApiTokens, listAudit, revokeApiToken } from '../../accounts/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { createTokenBody, idParam, listQuery } from '../../contracts/index.ts';

/** API tokens, the audit log and the dead-job list: owners and admins only. */
export function adminRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/api/v1/tokens', allow(needs('tokens.manage')), async (request) => ({
    tokens: await listApiTokens(deps.accounts, callerOf(request).workspaceId),
  }));

  app.post('/api/v1/tokens', allow(needs('tokens.manage')), async (request, reply) => {
    const body = parseInput(createTokenBody, request.body);
    const caller = callerOf(request);
    reply.status(201);
    return createApiToken(deps.accounts, caller, { ...body, workspaceId: caller.workspaceId });
  });

  app.delete('/api/v1/tokens/:id', allow(needs('tokens.manage')), async (request, reply) => {
    const { id } = parseInput(idParam, request.params);
    await revokeApiToken(deps.accounts, callerOf(request), id);
    return reply.status(204).send();
  });

  app.get('/api/v1/audit', allow(needs('audit.read')), async (request) => {
    const { limit } = parseInput(listQuery, request.query);
    return { entries: await listAudit(deps.store.db, callerOf(request).workspaceId, limit) };
  });
}
