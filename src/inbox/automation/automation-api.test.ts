import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser } from '../../http/testing.ts';
import { testDialects } from '../../store/testing.ts';
import { startMetaHarness, type MetaHarness } from '../testing.ts';
import { rulesKit } from './rules-harness.ts';

const dialects = await testDialects();
const DAY = 24 * 3_600_000;

describe.each(dialects)('automation API (%s)', (dialect) => {
  let h: MetaHarness;
  let agent: Browser;
  const kit = rulesKit(() => h);

  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    agent = await addMember(h.relais.app, h.owner, 'agent@boutique-lea.fr', 'agent', 'Karim');
  }, 30_000);
  afterAll(async () => { await h?.dispose(); });

  it('creates, edits (a new version each time), orders, switches off and deletes rules; agents only read', async () => {
    const label = await kit.label('sav');
    const draft = { name: 'SAV', event: 'message_received', conditions: [{ type: 'intent', any: ['order_issue'] }], actions: [{ type: 'add_label', label }] };
    expect((await agent.post('/api/v1/rules', draft)).status).toBe(403);
    const created = await h.owner.post('/api/v1/rules', draft);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'SAV', version: 1, enabled: true, stop: false, order: 0 });
    const second = await kit.rule({ name: 'Tout', actions: [{ type: 'add_label', label }] });

    const edited = await h.owner.patch(`/api/v1/rules/${created.body.id}`, { ...draft, name: 'SAV colis' });
    expect(edited.body.version).toBe(2);
    // Saving the same text again is not an edit.
    expect((await h.owner.patch(`/api/v1/rules/${created.body.id}`, { ...draft, name: 'SAV colis' })).body.version).toBe(2);
    expect((await h.owner.post(`/api/v1/rules/${created.body.id}/enabled`, { enabled: false })).status).toBe(204);
    expect((await h.owner.post('/api/v1/rules/reorder', { ids: [second.id, created.body.id] })).status).toBe(204);
    const listed = (await agent.get('/api/v1/rules')).body.rules;
    expect(listed.map((r: any) => [r.name, r.order, r.enabled, r.version])).toEqual([['Tout', 0, true, 1], ['SAV colis', 1, false, 2]]);
    const versions = await h.relais.store.db.selectFrom('rule_versions').select(['version', 'name']).where('rule_id', '=', created.body.id).orderBy('version').execute();
    expect(versions).toEqual([{ version: 1, name: 'SAV' }, { version: 2, name: 'SAV colis' }]);

    expect((await h.owner.post('/api/v1/rules/reorder', { ids: [second.id] })).status).toBe(400);
    expect((await h.owner.delete(`/api/v1/rules/${second.id}`)).status).toBe(204);
    expect((await h.owner.delete(`/api/v1/rules/${second.id}`)).status).toBe(404);
  });

  it('refuses a bad rule with field errors and stores nothing', async () => {
    const before = (await h.owner.get('/api/v1/rules')).body.rules.length;
    const cases: [unknown, string][] = [
      [{ name: 'x', event: 'message_received', conditions: [{ type: 'text_matches', pattern: '(a+)+$' }], actions: [{ type: 'set_priority', priority: 1 }] }, 'conditions.0.pattern'],
      [{ name: 'x', event: 'message_received', conditions: [], actions: [{ type: 'auto_acknowledge', cannedReplyId: 'c' }] }, 'actions'],
      [{ name: 'x', event: 'message_received', conditions: [], actions: [{ type: 'add_label', label: 'no-such-label' }] }, 'actions.0.label'],
      [{ name: 'x', event: 'message_received', conditions: [], actions: [{ type: 'assign', to: { kind: 'user', userId: 'stranger' } }] }, 'actions.0.to.userId'],
      [{ name: 'x', event: 'birthday', conditions: [], actions: [{ type: 'set_priority', priority: 1 }] }, 'event'],
    ];
    for (const [body, field] of cases) {
      const reply = await h.owner.post('/api/v1/rules', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields)).toContain(field);
    }
    expect((await h.owner.get('/api/v1/rules')).body.rules).toHaveLength(before);
  });

  it('dry-runs an unsaved rule over the stored messages of the last days, on their stored classification', async () => {
    await kit.clearRules();
    await kit.rule({ name: 'Sentinelle', actions: [{ type: 'set_priority', priority: 0 }] });
    const angry = await kit.dm('9001', 'Toujours pas reçu mon colis, c’est inadmissible 😡');
    await kit.dm('9002', 'Merci beaucoup, je l’adore 😍');
    const old = await kit.dm('9003', 'Colis jamais arrivé, c’est une honte', Date.UTC(2026, 9, 1));
    // A message stored long ago is outside a 7-day window (stored time, not the platform's).
    await h.relais.store.db.updateTable('messages').set({ created_at: h.relais.clock.now() - 40 * DAY }).where('id', '=', old).execute();
    const rule = { name: 'Mécontents', event: 'message_received', conditions: [{ type: 'sentiment', in: ['negative'] }], actions: [{ type: 'set_priority', priority: 2 }] };
    const result = await agent.post('/api/v1/rules/dry-run', { rule, days: 7 });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ matched: 1, days: 7 });
    expect(result.body.samples.map((s: any) => [s.messageId, s.text, s.sentiment])).toEqual([[angry, 'Toujours pas reçu mon colis, c’est inadmissible 😡', 'negative']]);
    expect((await agent.post('/api/v1/rules/dry-run', { rule, days: 60 })).body.matched).toBe(2);
    expect((await agent.post('/api/v1/rules/dry-run', { rule: { ...rule, conditions: [{ type: 'sentiment', in: ['furious'] }] } })).status).toBe(400);
    // A dry-run fires nothing.
    expect(await h.relais.store.db.selectFrom('rule_firings').select('id').where('rule_name', '=', 'Mécontents').execute()).toEqual([]);
  }, 30_000);

  it('saves the charter as a new version and the brand voice; agents read them', async () => {
    const charter = (await agent.get('/api/v1/charter')).body;
    expect(charter).toMatchObject({ version: 1, savedAt: null });
    const clauses = charter.clauses.map((c: any) => (c.id === 'concurrence' ? { ...c, detection: { keywords: ['Bijoux Discount'] }, action: 'hide' } : c));
    expect((await agent.request('PUT', '/api/v1/charter', { clauses })).status).toBe(403);
    const saved = await h.owner.request('PUT', '/api/v1/charter', { clauses });
    expect(saved.body).toMatchObject({ version: 2 });
    expect((await agent.get('/api/v1/charter')).body.clauses.find((c: any) => c.id === 'concurrence')).toMatchObject({ action: 'hide', detection: { keywords: ['Bijoux Discount'] } });
    const bad = await h.owner.request('PUT', '/api/v1/charter', { clauses: [{ ...clauses[0], detection: { patterns: ['(a+)+'] } }] });
    expect(bad.status).toBe(400);
    expect((await agent.get('/api/v1/charter')).body.version).toBe(2);

    expect((await agent.get('/api/v1/voice')).body).toMatchObject({ address: 'vous', emoji: 'sparingly', avoidWords: [], version: 0 });
    const voice = await h.owner.request('PUT', '/api/v1/voice', { address: 'tu', emoji: 'none', signature: 'Léa', avoidWords: ['malheureusement'] });
    expect(voice.body).toMatchObject({ address: 'tu', version: 1 });
    expect((await h.owner.request('PUT', '/api/v1/voice', { address: 'toi' })).status).toBe(400);
  });

  it('warns the composer about a reply identical to a public one of the last 7 days, vouvoiement and avoided words', async () => {
    await h.owner.request('PUT', '/api/v1/voice', { address: 'tu', emoji: 'allowed', avoidWords: ['malheureusement'] });
    const comment = await kit.comment('9101', 'Vous livrez en Suisse ?');
    const conversation = await kit.conversationOf(comment);
    const text = 'Oui, on livre en Suisse en 5 jours !';
    const check = async (body: unknown) => (await agent.post('/api/v1/voice/check', body)).body.warnings.map((w: any) => w.code);
    expect(await check({ text, visibility: 'public' })).toEqual([]);
    expect((await h.owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text, visibility: 'public' })).status).toBe(201);
    expect(await check({ text: 'oui, ON livre en Suisse en 5 jours ! ', visibility: 'public' })).toEqual(['voice.robotic']);
    // Privately, a repeated answer is fine; a week later it is fine in public too.
    expect(await check({ text, visibility: 'private' })).toEqual([]);
    expect(await check({ text: 'Malheureusement, pouvez-vous patienter ?', visibility: 'public' })).toEqual(['voice.vouvoiement', 'voice.avoided_word']);
    await h.relais.store.db.updateTable('messages').set({ created_at: h.relais.clock.now() - 7 * DAY - 60_000 }).where('text', '=', text).execute();
    expect(await check({ text, visibility: 'public' })).toEqual([]);
    expect((await agent.post('/api/v1/voice/check', { text: 'x', visibility: 'loud' })).status).toBe(400);
  }, 30_000);

  it("keeps each shop's rules, charter and voice to itself", async () => {
    const mine = await kit.rule({ name: 'Privée', actions: [{ type: 'set_priority', priority: 1 }] });
    const other = (await h.owner.post('/api/v1/workspaces', { name: 'Boutique Deux' })).body.workspace.id;
    expect((await h.owner.post('/api/v1/me/workspace', { workspaceId: other })).status).toBeLessThan(300);
    expect((await h.owner.get('/api/v1/rules')).body.rules).toEqual([]);
    expect((await h.owner.patch(`/api/v1/rules/${mine.id}`, { name: 'Volée', event: 'message_received', conditions: [], actions: [{ type: 'set_priority', priority: 2 }] })).status).toBe(404);
    expect((await h.owner.delete(`/api/v1/rules/${mine.id}`)).status).toBe(404);
    expect((await h.owner.get('/api/v1/charter')).body.version).toBe(1);
    expect((await h.owner.get('/api/v1/voice')).body.version).toBe(0);
    expect((await h.owner.post('/api/v1/me/workspace', { workspaceId: h.workspaceId })).status).toBeLessThan(300);
    expect((await h.owner.get('/api/v1/rules')).body.rules.find((r: any) => r.id === mine.id)).toMatchObject({ name: 'Privée', version: 1 });
  });
});
