import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, testDialects, type TestDialect, type TestStore } from '../store/testing.ts';
import { countViews, listConversations } from './list-conversations.ts';
import { addConversations, createWorld } from './routing-fixtures.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const dialects = await testDialects();

// A conversation opened without a message yet (a site-chat visitor whose identity was
// refused) has no last activity: paging through the list still reaches it and every other.
describe.each(dialects)('inbox list pages on %s', (dialect: TestDialect) => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store.drop(); });

  it('lists every conversation once, page after page, the one without activity last', async () => {
    const world = await createWorld(store.db, {}, T0);
    const ids = await addConversations(store.db, world, 4, T0);
    await store.db.updateTable('conversations').set({ last_message_at: null }).where('workspace_id', '=', world.workspaceId).where('id', 'in', [ids[1]!, ids[2]!]).execute();
    const deps = { db: store.db, clock: { now: () => T0 }, search: async () => null };
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listConversations(deps, world.workspaceId, null, { view: 'open', limit: 1, cursor });
      seen.push(...result.conversations.map((c: { id: string }) => c.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([ids[3], ids[0], ids[2], ids[1]]);
  });

  it('counts each view for the person asking, the same conversations the views list', async () => {
    const world = await createWorld(store.db, { ana: 'online', bruno: 'online' }, T0);
    const ana = world.agents.ana!;
    await addConversations(store.db, world, 2, T0, { assigneeId: ana });
    await addConversations(store.db, world, 1, T0, { assigneeId: world.agents.bruno! });
    const unassigned = await addConversations(store.db, world, 3, T0);
    await store.db.updateTable('conversations').set({ status: 'pending' }).where('workspace_id', '=', world.workspaceId).where('id', '=', unassigned[0]!).execute();
    await store.db.updateTable('conversations').set({ status: 'resolved' }).where('workspace_id', '=', world.workspaceId).where('id', '=', unassigned[1]!).execute();
    const counts = await countViews(store.db, world.workspaceId, ana);
    expect(counts).toEqual({ mine: 2, unassigned: 1, open: 4, pending: 1, snoozed: 0 });
    const deps = { db: store.db, clock: { now: () => T0 }, search: async () => null };
    for (const view of ['mine', 'unassigned', 'open', 'pending', 'snoozed'] as const) {
      const listed = await listConversations(deps, world.workspaceId, ana, { view, limit: 100 });
      expect(listed.conversations.length, view).toBe(counts[view]);
    }
  });
});
