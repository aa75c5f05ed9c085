import type { FastifyInstance } from 'fastify';
import { changePassword, createWorkspace, describeCaller, switchWorkspace, updateProfile } from '../../accounts/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { changePasswordBody, createWorkspaceBody, switchWorkspaceBody, updateMeBody } from '../../contracts/index.ts';

/** The caller's own profile, password and workspace switcher. */
export function meRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const self = allow(needs('profile.manage'));
  app.get('/api/v1/me', self, async (request) => describeCaller(deps.store.db, callerOf(request)));

  app.patch('/api/v1/me', self, async (request) => {
    const body = parseInput(updateMeBody, request.body);
    await updateProfile(deps.accounts, callerOf(request), body);
    return describeCaller(deps.store.db, callerOf(request));
  });

  app.post('/api/v1/me/password', self, async (request, reply) => {
    const body = parseInput(changePasswordBody, request.body);
    await changePassword(deps.accounts, callerOf(request), body);
    return reply.status(204).send();
  });

  app.post('/api/v1/me/workspace', self, async (request) => {
    const { workspaceId } = parseInput(switchWorkspaceBody, request.body);
    return describeCaller(deps.store.db, await switchWorkspace(deps.accounts, callerOf(request), workspaceId));
  });

  app.post('/api/v1/workspaces', self, async (request, reply) => {
    const body = parseInput(createWorkspaceBody, request.body);
    const caller = callerOf(request);
    const workspaceId = await createWorkspace(deps.accounts, caller, body);
    reply.status(201);
    return describeCaller(deps.store.db, { ...caller, workspaceId, role: 'owner' });
  });
}
