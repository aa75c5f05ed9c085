import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../kernel/index.ts';
import { createMemoryBus } from '../realtime/index.ts';
import { createTestStore, testDialects, type TestDialect, type TestStore } from '../store/testing.ts';
import { assignWaiting } from './auto-assign.ts';
import { addConversations, addMessage, addTeam, createWorld } from './routing-fixtures.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const dialects = await testDialects();

// A seat freed in a busy shop: one pickup fills it, then stops walking the backlog instead
// of taking the workspace's routing lock once per waiting conversation.
describe.each(dialects)('routing pickup on %s', (dialect: TestDialect) => {
  let store: TestStore;
  const clock = manualClock(T0);
  const bus = createMemoryBus({ clock });

  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store.drop(); });

  it('stops once nobody online has room', async () => {
    const world = await createWorld(store.db, { ana: 'online' }, T0);
    await addTeam(store.db, world, { mode: 'round_robin', members: { ana: 1 } }, T0);
    const waiting = await addConversations(store.db, world, 40, T0);
    for (const [i, id] of waiting.entries()) await addMessage(store.db, world, id, T0 + i, 'customer');
    expect(await assignWaiting({ db: store.db, clock, bus }, world.workspaceId)).toBe(1);
    const assigned = await store.db.selectFrom('conversations').select('id').where('workspace_id', '=', world.workspaceId).where('assignee_id', 'is not', null).execute();
    expect(assigned.map((c) => c.id)).toEqual([waiting[0]]);
    const lock = await store.db.selectFrom('routing_locks').select('seq').where('workspace_id', '=', world.workspaceId).executeTakeFirstOrThrow();
    expect(Number(lock.seq)).toBe(1);
  });

  it('picks up the longest-waiting conversations that need a reply, never answered or hidden ones', async () => {
    const world = await createWorld(store.db, { ana: 'online' }, T0);
    await addTeam(store.db, world, { mode: 'round_robin', members: { ana: 2 } }, T0);
    const [answered, hiddenSpam, recentDm, oldDm, noteOnly] = await addConversations(store.db, world, 5, T0);
    await addMessage(store.db, world, answered!, T0 - 60_000, 'customer');
    await addMessage(store.db, world, answered!, T0 - 30_000, 'agent');
    await addMessage(store.db, world, hiddenSpam!, T0 - 50_000, 'customer');
    await store.db.updateTable('messages').set({ status: 'hidden' }).where('workspace_id', '=', world.workspaceId).where('conversation_id', '=', hiddenSpam!).execute();
    await addMessage(store.db, world, recentDm!, T0 - 5_000, 'customer');
    // Answered once, then the customer wrote again: it waits since that second message.
    await addMessage(store.db, world, oldDm!, T0 - 90_000, 'customer');
    await addMessage(store.db, world, oldDm!, T0 - 80_000, 'agent');
    await addMessage(store.db, world, oldDm!, T0 - 40_000, 'customer');
    await addMessage(store.db, world, noteOnly!, T0 - 70_000, 'customer');
    await addMessage(store.db, world, noteOnly!, T0 - 20_000, 'note');

    // Room for two: the two that have waited longest (since T0-70 s and T0-40 s), not the newest.
    expect(await assignWaiting({ db: store.db, clock, bus }, world.workspaceId)).toBe(2);
    const assigned = await store.db.selectFrom('conversations').select('id').where('workspace_id', '=', world.workspaceId).where('assignee_id', 'is not', null).execute();
    expect(assigned.map((c) => c.id).sort()).toEqual([oldDm, noteOnly].sort());
    expect(recentDm).toBeDefined();
  });
});
