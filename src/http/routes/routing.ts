import type { FastifyInstance } from 'fastify';
import { frenchHolidays } from '../../care/index.ts';
import { conversationSlaMetrics, deleteTeam, listAvailability, listCareSettings, listTeams, saveCareSettings, saveTeam, setAvailability } from '../../inbox/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { availabilityBody, careSettingsBody, holidaysQuery, idParam, teamBody } from '../../contracts/index.ts';

/** Business hours and SLA policies, teams, agents' availability and measured SLA figures. */
export function routingRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const read = allow(needs('conversations.read'));
  const team = allow(needs('members.manage'));
  const care = allow(needs('channels.manage'));

  app.get('/api/v1/care-settings', read, async (request) => listCareSettings(deps.inbox, callerOf(request).workspaceId));
  app.patch('/api/v1/care-settings', care, async (request) => {
    const { channelId, hours, policies } = parseInput(careSettingsBody, request.body);
    return saveCareSettings(deps.inbox, callerOf(request).workspaceId, channelId, { hours, policies });
  });
  app.get('/api/v1/holidays', read, async (request) => ({ holidays: frenchHolidays(parseInput(holidaysQuery, request.query).year) }));

  app.get('/api/v1/teams', allow(needs('members.read')), async (request) => ({ teams: await listTeams(deps.inbox, callerOf(request).workspaceId) }));
  app.post('/api/v1/teams', team, async (request, reply) => {
    reply.status(201);
    return saveTeam(deps.inbox, callerOf(request).workspaceId, null, parseInput(teamBody, request.body));
  });
  app.patch('/api/v1/teams/:id', team, async (request) => saveTeam(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id, parseInput(teamBody, request.body)));
  app.delete('/api/v1/teams/:id', team, async (request, reply) => {
    await deleteTeam(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id);
    return reply.status(204).send();
  });

  app.get('/api/v1/availability', allow(needs('members.read')), async (request) => ({ agents: await listAvailability(deps.inbox, callerOf(request).workspaceId) }));
  app.put('/api/v1/me/availability', allow(needs('profile.manage')), async (request) => {
    const { status } = parseInput(availabilityBody, request.body);
    const caller = callerOf(request);
    if (!caller.userId) throw new AppError('auth.forbidden', 'An API token has no availability; sign in as the agent');
    await setAvailability(deps.inbox, caller.workspaceId, caller.userId, status);
    return { status };
  });

  app.get('/api/v1/conversations/:id/sla', read, async (request) => {
    const { id } = parseInput(idParam, request.params);
    return { sla: await conversationSlaMetrics(deps.inbox, callerOf(request).workspaceId, id) };
  });
}
