import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../kernel/index.ts';
import { createMemoryBus } from '../realtime/index.ts';
import { createTestStore, testDialects, type TestDialect, type TestStore } from '../store/testing.ts';
import { assignWaiting } from './auto-assign.ts';
import { addConversations, addTeam, createWorld } from './routing-fixtures.ts';

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
    expect(await assignWaiting({ db: store.db, clock, bus }, world.workspaceId)).toBe(1);
    const assigned = await store.db.selectFrom('conversations').select('id').where('workspace_id', '=', world.workspaceId).where('assignee_id', 'is not', null).execute();
    expect(assigned.map((c) => c.id)).toEqual([waiting[0]]);
    const lock = await store.db.selectFrom('routing_locks').select('seq').where('workspace_id', '=', world.workspaceId).executeTakeFirstOrThrow();
    expect(Number(lock.seq)).toBe(1);
  });
});
