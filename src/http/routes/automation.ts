import type { FastifyInstance } from 'fastify';
import {
  checkReplyVoice, createRule, currentCharter, deleteRule, dryRunRule, listNotifications, listRules, markNotificationsRead,
  reorderRules, saveCharter, saveVoiceSettings, setRuleEnabled, updateRule, voiceSettings,
} from '../../inbox/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { charterBody, dryRunBody, enabledBody, idParam, notificationsReadBody, reorderBody, ruleDraftBody, voiceBody, voiceCheckBody } from '../../contracts/index.ts';

/** Automation rules, the moderation charter, the brand voice and the notifications bell. */
export function automationRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const read = allow(needs('conversations.read'));
  const manage = allow(needs('rules.manage'));
  const curate = allow(needs('catalog.manage'));
  const ws = (request: Parameters<typeof callerOf>[0]) => callerOf(request).workspaceId;

  app.get('/api/v1/rules', read, async (request) => ({ rules: await listRules(deps.inbox, ws(request)) }));
  app.post('/api/v1/rules', manage, async (request, reply) => {
    const rule = await createRule(deps.inbox, ws(request), callerOf(request).userId, parseInput(ruleDraftBody, request.body));
    reply.status(201);
    return rule;
  });
  app.post('/api/v1/rules/dry-run', read, async (request) => {
    const { rule, days } = parseInput(dryRunBody, request.body);
    return dryRunRule(deps.inbox, ws(request), rule, days);
  });
  app.post('/api/v1/rules/reorder', manage, async (request, reply) => {
    await reorderRules(deps.inbox, ws(request), parseInput(reorderBody, request.body).ids);
    return reply.status(204).send();
  });
  app.patch('/api/v1/rules/:id', manage, async (request) =>
    updateRule(deps.inbox, ws(request), callerOf(request).userId, parseInput(idParam, request.params).id, parseInput(ruleDraftBody, request.body)));
  app.post('/api/v1/rules/:id/enabled', manage, async (request, reply) => {
    await setRuleEnabled(deps.inbox, ws(request), parseInput(idParam, request.params).id, parseInput(enabledBody, request.body).enabled);
    return reply.status(204).send();
  });
  app.delete('/api/v1/rules/:id', manage, async (request, reply) => {
    await deleteRule(deps.inbox, ws(request), parseInput(idParam, request.params).id);
    return reply.status(204).send();
  });

  app.get('/api/v1/charter', read, async (request) => currentCharter(deps.inbox.db, ws(request)));
  app.put('/api/v1/charter', curate, async (request) => saveCharter(deps.inbox, ws(request), callerOf(request).userId, parseInput(charterBody, request.body).clauses));

  app.get('/api/v1/voice', read, async (request) => voiceSettings(deps.inbox.db, ws(request)));
  app.put('/api/v1/voice', curate, async (request) => saveVoiceSettings(deps.inbox, ws(request), callerOf(request).userId, parseInput(voiceBody, request.body)));
  app.post('/api/v1/voice/check', allow(needs('conversations.reply')), async (request) =>
    ({ warnings: await checkReplyVoice(deps.inbox, ws(request), parseInput(voiceCheckBody, request.body)) }));

  app.get('/api/v1/notifications', allow(needs('workspace.read')), async (request) => {
    const caller = callerOf(request);
    if (!caller.userId) return { notifications: [], unread: 0 };
    return listNotifications(deps.inbox, caller.workspaceId, caller.userId);
  });
  app.post('/api/v1/notifications/read', allow(needs('workspace.read')), async (request, reply) => {
    const caller = callerOf(request);
    if (!caller.userId) throw new AppError('auth.forbidden', 'Notifications belong to people, not tokens');
    await markNotificationsRead(deps.inbox, caller.workspaceId, caller.userId, parseInput(notificationsReadBody, request.body).id ?? null);
    return reply.status(204).send();
  });
}
