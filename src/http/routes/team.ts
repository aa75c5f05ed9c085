import type { FastifyInstance } from 'fastify';
import { changeMemberRole, createInvitation, listMembers, listPendingInvitations, removeMember, revokeInvitation } from '../../accounts/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { changeRoleBody, idParam, inviteBody, userIdParam } from '../../contracts/index.ts';

/** Members and invitations of the caller's workspace. */
export function teamRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/api/v1/members', allow(needs('members.read')), async (request) => ({
    members: await listMembers(deps.accounts, callerOf(request).workspaceId),
  }));

  app.patch('/api/v1/members/:userId', allow(needs('members.manage')), async (request) => {
    const { userId } = parseInput(userIdParam, request.params);
    const { role } = parseInput(changeRoleBody, request.body);
    return changeMemberRole(deps.accounts, callerOf(request), userId, role);
  });

  app.delete('/api/v1/members/:userId', allow(needs('members.manage')), async (request, reply) => {
    const { userId } = parseInput(userIdParam, request.params);
    await removeMember(deps.accounts, callerOf(request), userId);
    return reply.status(204).send();
  });

  app.get('/api/v1/invitations', allow(needs('invitations.manage')), async (request) => ({
    invitations: await listPendingInvitations(deps.accounts, callerOf(request).workspaceId),
  }));

  app.post('/api/v1/invitations', allow(needs('invitations.manage')), async (request, reply) => {
    const body = parseInput(inviteBody, request.body);
    reply.status(201);
    return createInvitation(deps.accounts, callerOf(request), body);
  });

  app.delete('/api/v1/invitations/:id', allow(needs('invitations.manage')), async (request, reply) => {
    const { id } = parseInput(idParam, request.params);
    await revokeInvitation(deps.accounts, callerOf(request), id);
    return reply.status(204).send();
  });
}
