import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { startMetaHarness, type MetaHarness } from '../testing.ts';
import { rulesKit } from './rules-harness.ts';

const dialects = await testDialects();

// A stored rule this version of Relais no longer reads is left out of the list (and of the
// runs); the rules the console does show can still be put in order.
describe.each(dialects)('reordering beside an unreadable rule (%s)', (dialect) => {
  let h: MetaHarness;
  const kit = rulesKit(() => h);
  beforeAll(async () => { h = await startMetaHarness(dialect, { startWorkers: false }); }, 30_000);
  afterAll(async () => { await h?.dispose(); });

  it('orders the listed rules, the unreadable one after them', async () => {
    const first = await kit.rule({ name: 'Un', actions: [{ type: 'set_priority', priority: 1 }] });
    const second = await kit.rule({ name: 'Deux', actions: [{ type: 'set_priority', priority: 2 }] });
    const now = h.relais.clock.now();
    await h.relais.store.db.insertInto('rules').values({
      workspace_id: h.workspaceId, id: 'zz-old-rule', name: 'Ancienne', version: 1, position: 0, enabled: 1, event: 'message_received',
      body: JSON.stringify({ event: 'message_received', conditions: [{ type: 'gone_condition' }], actions: [], stop: false }), created_at: now, updated_at: now, updated_by: null,
    }).execute();
    const listed = (await h.owner.get('/api/v1/rules')).body.rules.map((r: { id: string }) => r.id);
    expect(listed).toEqual([first.id, second.id]);

    expect((await h.owner.post('/api/v1/rules/reorder', { ids: [second.id, first.id] })).status).toBe(204);
    expect((await h.owner.get('/api/v1/rules')).body.rules.map((r: { id: string }) => r.id)).toEqual([second.id, first.id]);
    const positions = await h.relais.store.db.selectFrom('rules').select(['id', 'position']).where('workspace_id', '=', h.workspaceId).orderBy('position').execute();
    expect(positions.map((p) => p.id)).toEqual([second.id, first.id, 'zz-old-rule']);
    // Naming a rule twice or leaving a listed one out is still refused.
    expect((await h.owner.post('/api/v1/rules/reorder', { ids: [second.id] })).status).toBe(400);
  });
});
