import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Browser } from '../../http/testing.ts';
import { testDialects } from '../../store/testing.ts';
import { startMetaHarness, type MetaHarness } from '../testing.ts';
import { runRulesForEvent, runRulesForMessage } from './run-rules.ts';
import { rulesKit, SUNDAY_20H } from './rules-harness.ts';

const dialects = await testDialects();

// Each action carried out by the rules job through the inbox's own paths, once.
describe.each(dialects)('rule actions (%s)', (dialect) => {
  let h: MetaHarness;
  const kit = rulesKit(() => h);
  let seen: string;
  let agent: Browser;
  let agentId: string;
  let merci: string;
  const db = () => h.relais.store.db;
  const sentinel = () => kit.rule({ name: 'Sentinelle', actions: [{ type: 'add_label', label: seen }] });
  const outbound = (messageId: string) => db().selectFrom('outbound').innerJoin('messages', 'messages.id', 'outbound.message_id')
    .select(['outbound.action_type', 'outbound.action', 'outbound.idempotency_key', 'messages.text', 'messages.author_type'])
    .where('outbound.conversation_id', '=', db().selectFrom('messages').select('conversation_id').where('id', '=', messageId)).orderBy('outbound.id').execute();

  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    seen = await kit.label('seen');
    agent = await addMember(h.relais.app, h.owner, 'agent@boutique-lea.fr', 'agent', 'Karim');
    agentId = (await agent.get('/api/v1/me')).body.user.id;
    merci = await kit.canned('merci', 'Bonjour {{contact.first_name}}, merci pour votre message !');
  }, 30_000);
  afterAll(async () => { await h?.dispose(); });
  beforeEach(async () => { await kit.clearRules(); });

  it('a priority rule raises a conversation to its level and never lowers an urgent one', async () => {
    await kit.rule({ name: 'Haute', actions: [{ type: 'set_priority', priority: 2 }] });
    await sentinel();
    const first = await kit.dm('psid-priority', 'Bonjour, une question sur ma commande');
    await kit.firings(first);
    const conversation = await kit.conversationOf(first);
    expect(conversation.priority).toBe(2);
    expect((await h.owner.patch(`/api/v1/conversations/${conversation.id}`, { priority: 3 })).status).toBe(200);
    const second = await kit.dm('psid-priority', 'Toujours pas de réponse !');
    const [raise] = await kit.firings(second);
    expect(raise).toMatchObject({ rule_name: 'Haute' });
    expect((await kit.conversationOf(second)).priority).toBe(3);
  });

  it('labels, assigns, prioritises, notifies and snoozes, and keeps the trail on the message', async () => {
    const urgent = await kit.label('urgent');
    await kit.rule({ name: 'Colère', conditions: [{ type: 'sentiment', in: ['negative'] }], actions: [
      { type: 'add_label', label: urgent }, { type: 'assign', to: { kind: 'user', userId: agentId } }, { type: 'set_priority', priority: 3 },
      { type: 'notify', to: { kind: 'users', userIds: [agentId] } }, { type: 'notify', to: { kind: 'admins' } }, { type: 'snooze', durationMs: 3_600_000 },
    ] });
    await sentinel();
    const heard: { type: string; data: any }[] = [];
    const stop = h.relais.bus.subscribe(h.workspaceId, (event) => heard.push(event));
    const message = await kit.dm('8001', 'Toujours pas reçu mon colis, c’est inadmissible 😡');
    const [firing] = await kit.firings(message);
    expect(JSON.parse(firing!.outcomes!).map((o: any) => [o.type, o.status])).toEqual([
      ['add_label', 'done'], ['assign', 'done'], ['set_priority', 'done'], ['notify', 'done'], ['notify', 'done'], ['snooze', 'done'],
    ]);
    const conversation = await kit.conversationOf(message);
    expect(conversation).toMatchObject({ assignee_id: agentId, priority: 3, status: 'snoozed', snoozed_until: h.relais.clock.now() + 3_600_000 });
    const labels = (await h.owner.get(`/api/v1/conversations/${conversation.id}`)).body;
    expect(JSON.stringify(labels)).toContain(urgent);
    // The agent's bell, and the owner's (an admin): one each.
    const bell = (await agent.get('/api/v1/notifications')).body;
    expect(bell.unread).toBe(1);
    expect(bell.notifications[0]).toMatchObject({ conversationId: conversation.id, data: { ruleName: 'Colère', version: 1 } });
    expect((await h.owner.get('/api/v1/notifications')).body.unread).toBe(1);
    // Each person's bell rings live.
    stop();
    expect(heard.filter((e) => e.type === 'notification.created').map((e) => e.data.userId).sort()).toEqual([agentId, (await h.owner.get('/api/v1/me')).body.user.id].sort());
    expect((await agent.post('/api/v1/notifications/read', {})).status).toBe(204);
    expect((await agent.get('/api/v1/notifications')).body.unread).toBe(0);
    // The message says which rule touched it.
    const thread = (await h.owner.get(`/api/v1/conversations/${conversation.id}`)).body;
    const stored = thread.messages.find((m: any) => m.id === message);
    expect(stored.meta.rules.map((r: any) => [r.ruleName, r.version])).toEqual([['Colère', 1], ['Sentinelle', 1]]);
  }, 30_000);

  it('hides a comment and replies with a canned reply, in public or in private, each once', async () => {
    await kit.rule({ name: 'Insultes', conditions: [{ type: 'text_contains', terms: ['arnaque'] }], actions: [{ type: 'hide_comment' }, { type: 'reply', cannedReplyId: merci, visibility: 'private' }] });
    await kit.rule({ name: 'Question', conditions: [{ type: 'intent', any: ['question'] }], actions: [{ type: 'reply', cannedReplyId: merci, visibility: 'public' }] });
    await sentinel();
    const scam = await kit.comment('8101', 'Boutique arnaque, fuyez');
    await kit.firings(scam);
    const question = await kit.comment('8102', 'Livrez-vous en Belgique ?');
    await kit.firings(question);

    const scamOut = await outbound(scam);
    expect(scamOut.map((o) => o.action_type)).toEqual(['hide', 'private_reply']);
    expect(JSON.parse(scamOut[0]!.action)).toMatchObject({ actor: { type: 'rule' }, reason: "rule 'Insultes' v1" });
    expect(scamOut[1]).toMatchObject({ text: 'Bonjour Client, merci pour votre message !', author_type: 'bot' });
    expect((await outbound(question)).map((o) => o.action_type)).toEqual(['public_reply']);

    // A retry of the whole job (a crash after the actions, before the firings were recorded) changes nothing.
    await db().updateTable('rule_firings').set({ completed_at: null, outcomes: null }).where('message_id', '=', scam).execute();
    await runRulesForMessage(h.relais.inbox, { workspaceId: h.workspaceId, messageId: scam });
    await runRulesForMessage(h.relais.inbox, { workspaceId: h.workspaceId, messageId: scam });
    expect((await outbound(scam)).map((o) => o.action_type)).toEqual(['hide', 'private_reply']);
    const firings = await db().selectFrom('rule_firings').select(['rule_name', 'outcomes']).where('message_id', '=', scam).orderBy('position').execute();
    expect(firings.map((f) => f.rule_name)).toEqual(['Insultes', 'Sentinelle']);
    expect(JSON.parse(firings[0]!.outcomes!).map((o: any) => o.status)).toEqual(['done', 'skipped']);
  }, 30_000);

  it('acknowledges once per closed spell, and only when closed', async () => {
    await kit.rule({ name: 'Fermé', conditions: [{ type: 'business_hours', is: 'closed' }], actions: [{ type: 'auto_acknowledge', cannedReplyId: merci }] });
    await sentinel();
    const first = await kit.dm('8201', 'Vous êtes là ?', SUNDAY_20H);
    await kit.firings(first);
    const second = await kit.dm('8201', 'Allô ?', SUNDAY_20H + 60_000);
    const [again] = await kit.firings(second);
    expect(JSON.parse(again!.outcomes!)).toEqual([{ type: 'auto_acknowledge', status: 'skipped', detail: 'already sent' }]);
    expect((await outbound(first)).map((o) => o.action_type)).toEqual(['message']);
    const open = await kit.dm('8202', 'Bonjour');
    expect(await kit.firings(open)).toEqual([]);
  }, 30_000);

  it('stops the chain at a rule that says so, in the order the admin set', async () => {
    const a = await kit.rule({ name: 'A', stop: true, actions: [{ type: 'set_priority', priority: 1 }] });
    const b = await kit.rule({ name: 'B', stop: true, actions: [{ type: 'set_priority', priority: 2 }] });
    expect(await kit.firings(await kit.dm('8301', 'Bonjour'), 'A')).toEqual([]);
    expect((await h.owner.post('/api/v1/rules/reorder', { ids: [b.id, a.id] })).status).toBe(204);
    const later = await kit.dm('8302', 'Bonjour');
    expect(await kit.firings(later, 'B')).toEqual([]);
    expect((await kit.conversationOf(later)).priority).toBe(2);
  }, 30_000);

  it('fires conversation_created only for the message that opened the conversation', async () => {
    await kit.rule({ name: 'Nouveau', event: 'conversation_created', actions: [{ type: 'add_label', label: seen }] });
    await sentinel();
    const opening = await kit.dm('8401', 'Bonjour');
    expect((await kit.firings(opening)).map((f) => f.event)).toEqual(['conversation_created']);
    expect(await kit.firings(await kit.dm('8401', 'Toujours là ?'))).toEqual([]);
  }, 30_000);

  it('runs rules for events from other modules, and round robin waits for routing', async () => {
    await kit.rule({ name: 'Retard', event: 'sla_breached', actions: [{ type: 'assign', to: { kind: 'round_robin' } }, { type: 'set_priority', priority: 3 }] });
    const message = await kit.dm('8501', 'Bonjour ?');
    const conversation = await kit.conversationOf(message);
    await runRulesForEvent(h.relais.inbox, { workspaceId: h.workspaceId, event: 'sla_breached', conversationId: conversation.id });
    let [firing] = await db().selectFrom('rule_firings').selectAll().where('event', '=', 'sla_breached').execute();
    expect(JSON.parse(firing!.outcomes!)).toEqual([{ type: 'assign', status: 'skipped', detail: 'routing unavailable' }, { type: 'set_priority', status: 'done' }]);
    expect((await kit.conversationOf(message)).assignee_id).toBeNull();

    // With routing wired, round robin hands the conversation to whom it picks; the same event twice fires once.
    const deps = { ...h.relais.inbox, autoAssign: async () => agentId };
    await runRulesForEvent(deps, { workspaceId: h.workspaceId, event: 'sla_breached', conversationId: conversation.id, eventKey: 'sla_breached:second' });
    await runRulesForEvent(deps, { workspaceId: h.workspaceId, event: 'sla_breached', conversationId: conversation.id, eventKey: 'sla_breached:second' });
    expect((await kit.conversationOf(message)).assignee_id).toBe(agentId);
    const all = await db().selectFrom('rule_firings').selectAll().where('event', '=', 'sla_breached').orderBy('created_at').orderBy('id').execute();
    expect(all).toHaveLength(2);
    firing = all.find((f) => f.event_key === 'sla_breached:second');
    expect(JSON.parse(firing!.outcomes!)[0]).toEqual({ type: 'assign', status: 'done', detail: agentId });
  }, 30_000);
});
