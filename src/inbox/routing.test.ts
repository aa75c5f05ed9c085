import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossQueue, createSqliteQueue, type Queue } from '../jobs/index.ts';
import { sleep, waitFor } from '../jobs/testing.ts';
import { manualClock } from '../kernel/index.ts';
import { createMemoryBus } from '../realtime/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { createTestStore, testDialects, type TestDialect, type TestStore } from '../store/testing.ts';
import { assignWaiting, autoAssign, ROUTING_QUEUE } from './auto-assign.ts';
import { addConversations, addMessage, addTeam, createWorld, loads } from './routing-fixtures.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const dialects = await testDialects();

describe.each(dialects)('routing on %s', (dialect: TestDialect) => {
  let store: TestStore;
  const clock = manualClock(T0);
  const bus = createMemoryBus({ clock });
  const deps = () => ({ db: store.db, clock, bus });

  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store.drop(); });

  it('under concurrent arrivals, fills online agents up to capacity only, each conversation once', async () => {
    const world = await createWorld(store.db, { ana: 'online', bruno: 'online', chloe: 'online', dora: 'away', eli: 'offline' }, T0);
    await addTeam(store.db, world, { mode: 'round_robin', members: { ana: 5, bruno: 5, chloe: 3, dora: 10, eli: 10 } }, T0);
    const conversations = await addConversations(store.db, world, 60, T0);
    // Every conversation is offered twice at once, as a duplicated job or a rule and ingestion
    // would; on PostgreSQL through three connection pools, as three worker processes would.
    const pools = dialect === 'sqlite' ? [store] : [store, openStore(store.target), openStore(store.target)];
    const offers = [...conversations, ...conversations].map((id, i) => autoAssign({ db: pools[i % pools.length]!.db, clock, bus }, world.workspaceId, id).then((agent) => ({ id, agent })));
    const results = await Promise.all(offers).finally(() => Promise.all(pools.slice(1).map((p) => p.close())));

    const winners = results.filter((r) => r.agent !== null);
    expect(winners).toHaveLength(13); // 5 + 5 + 3: the away and offline agents take nothing
    expect(new Set(winners.map((w) => w.id)).size).toBe(13); // no conversation assigned twice
    const rows = await store.db.selectFrom('conversations').select(['id', 'assignee_id']).where('workspace_id', '=', world.workspaceId).execute();
    for (const winner of winners) expect(rows.find((r) => r.id === winner.id)?.assignee_id).toBe(winner.agent);
    expect(await loads(store.db, world.workspaceId)).toEqual({ [world.agents.ana!]: 5, [world.agents.bruno!]: 5, [world.agents.chloe!]: 3 });
    // The rest wait in Unassigned.
    expect(rows.filter((r) => r.assignee_id === null)).toHaveLength(47);
  });

  it('round-robin spreads concurrent arrivals evenly, and takes turns in order', async () => {
    const world = await createWorld(store.db, { ana: 'online', bruno: 'online', chloe: 'online' }, T0);
    await addTeam(store.db, world, { mode: 'round_robin', members: { ana: 50, bruno: 50, chloe: 50 } }, T0);
    const burst = await addConversations(store.db, world, 12, T0);
    await Promise.all(burst.map((id) => autoAssign(deps(), world.workspaceId, id)));
    expect(Object.values(await loads(store.db, world.workspaceId))).toEqual([4, 4, 4]);

    const next = await addConversations(store.db, world, 6, T0);
    const order: (string | null)[] = [];
    for (const id of next) order.push(await autoAssign(deps(), world.workspaceId, id));
    const { ana, bruno, chloe } = world.agents;
    // Whoever was served longest ago goes next: the same cycle repeats.
    expect(order.slice(3)).toEqual(order.slice(0, 3));
    expect(new Set(order.slice(0, 3))).toEqual(new Set([ana, bruno, chloe]));
  });

  it('least-loaded gives each arrival to the agent holding the fewest open conversations', async () => {
    const world = await createWorld(store.db, { ana: 'online', bruno: 'online', chloe: 'online' }, T0);
    await addTeam(store.db, world, { mode: 'least_loaded', members: { ana: 10, bruno: 10, chloe: 10 } }, T0);
    const { ana, bruno, chloe } = world.agents;
    await addConversations(store.db, world, 3, T0, { assigneeId: ana });
    await addConversations(store.db, world, 1, T0, { assigneeId: chloe });
    const arrivals = await addConversations(store.db, world, 4, T0);
    expect(await autoAssign(deps(), world.workspaceId, arrivals[0]!)).toBe(bruno); // 0 open
    await Promise.all(arrivals.slice(1).map((id) => autoAssign(deps(), world.workspaceId, id)));
    // 3 + 0 + 1 plus 4 arrivals, always to the least loaded: ana keeps 3, the others reach 2 and 3 or 3 and 2.
    const after = await loads(store.db, world.workspaceId);
    expect(after[ana!]).toBe(3);
    expect(after[bruno!]! + after[chloe!]!).toBe(5);
    expect(Math.abs(after[bruno!]! - after[chloe!]!)).toBe(1);
  });

  it('counts open and pending conversations against capacity, not resolved ones, and skips removed members', async () => {
    const world = await createWorld(store.db, { ana: 'online', bruno: 'online' }, T0);
    await addTeam(store.db, world, { mode: 'least_loaded', members: { ana: 2, bruno: 2 } }, T0);
    const held = await addConversations(store.db, world, 3, T0, { assigneeId: world.agents.ana });
    await store.db.updateTable('conversations').set({ status: 'pending' }).where('id', '=', held[0]!).execute();
    await store.db.updateTable('conversations').set({ status: 'resolved' }).where('id', '=', held[1]!).execute();
    await store.db.deleteFrom('memberships').where('workspace_id', '=', world.workspaceId).where('user_id', '=', world.agents.bruno!).execute();
    const [first, second] = await addConversations(store.db, world, 2, T0);
    // ana holds one pending and one open (2 = full); bruno left the workspace.
    expect(await autoAssign(deps(), world.workspaceId, first!)).toBeNull();
    await store.db.updateTable('conversations').set({ status: 'resolved' }).where('id', '=', held[2]!).execute();
    expect(await autoAssign(deps(), world.workspaceId, second!)).toBe(world.agents.ana);
    // Already assigned: a second offer changes nothing.
    expect(await autoAssign(deps(), world.workspaceId, second!)).toBeNull();
  });

  it('routes by the team serving the channel, else the default team; without one the conversation waits', async () => {
    const world = await createWorld(store.db, { ana: 'online', bruno: 'online' }, T0);
    const { addTestChannel } = await import('./routing-fixtures.ts');
    const other = await addTestChannel(store.db, world.workspaceId, 'x', T0);
    const orphan = await addConversations(store.db, world, 1, T0, { channelId: other });
    expect(await autoAssign(deps(), world.workspaceId, orphan[0]!)).toBeNull();
    await addTeam(store.db, world, { mode: 'round_robin', members: { ana: 5 } }, T0);
    await addTeam(store.db, world, { mode: 'round_robin', members: { bruno: 5 }, channelIds: [], isDefault: true }, T0);
    const mine = await addConversations(store.db, world, 1, T0);
    expect(await autoAssign(deps(), world.workspaceId, mine[0]!)).toBe(world.agents.ana);
    expect(await autoAssign(deps(), world.workspaceId, orphan[0]!)).toBe(world.agents.bruno);
  });

  it('an agent coming online picks up what waits, oldest first, up to capacity', async () => {
    const world = await createWorld(store.db, { ana: 'offline' }, T0);
    await addTeam(store.db, world, { mode: 'round_robin', members: { ana: 2 } }, T0);
    const waiting = await addConversations(store.db, world, 3, T0);
    for (const [i, id] of waiting.entries()) await addMessage(store.db, world, id, T0 + i, 'customer');
    expect(await assignWaiting(deps(), world.workspaceId)).toBe(0);
    await store.db.updateTable('agent_availability').set({ status: 'online' }).where('workspace_id', '=', world.workspaceId).execute();
    expect(await assignWaiting(deps(), world.workspaceId)).toBe(2);
    const rows = await store.db.selectFrom('conversations').select(['id', 'assignee_id']).where('workspace_id', '=', world.workspaceId).orderBy('id').execute();
    expect(rows.map((r) => r.assignee_id)).toEqual([world.agents.ana, world.agents.ana, null]);
    expect(rows.map((r) => r.id)).toEqual(waiting);
  });

  it('parallel job workers in two processes never overfill an agent nor assign a conversation twice', async () => {
    const world = await createWorld(store.db, { ana: 'online', bruno: 'online', chloe: 'online', dora: 'away' }, T0);
    await addTeam(store.db, world, { mode: 'round_robin', members: { ana: 4, bruno: 4, chloe: 4, dora: 4 } }, T0);
    const conversations = await addConversations(store.db, world, 20, T0);
    const processes: { store: Store; queue: Queue }[] = [];
    const assigned: string[] = [];
    // PostgreSQL: two worker processes, each with its own pool. SQLite (embedded, one process):
    // two worker pools on the one connection, as `relais start` runs them.
    for (let i = 0; i < 2; i++) {
      const own = dialect === 'sqlite' ? store : openStore(store.target);
      const queue = dialect === 'sqlite' ? createSqliteQueue({ db: own.db, pollIntervalMs: 10 }) : createPgBossQueue({ connectionString: store.url!, pollIntervalSeconds: 0.5 });
      queue.work(ROUTING_QUEUE, async (payload) => {
        const { workspaceId, conversationId } = payload as { workspaceId: string; conversationId: string };
        const agent = await autoAssign({ db: own.db, clock, bus }, workspaceId, conversationId);
        if (agent) assigned.push(conversationId);
      }, { concurrency: 4 });
      processes.push({ store: own, queue });
    }
    // Each arrival enqueued twice (a redelivered webhook, a rule): both processes race for them.
    for (const id of [...conversations, ...conversations]) await processes[0]!.queue.enqueue(ROUTING_QUEUE, { workspaceId: world.workspaceId, conversationId: id });
    await Promise.all(processes.map((p) => p.queue.start()));
    try {
      await waitFor(async () => assigned.length >= 12, 30_000, '12 assignments');
      await sleep(500); // let the remaining jobs run: they must assign nothing more
    } finally {
      for (const p of processes) await p.queue.stop();
      for (const p of processes) if (p.store !== store) await p.store.close();
    }
    expect(assigned).toHaveLength(12);
    expect(new Set(assigned).size).toBe(12);
    expect(await loads(store.db, world.workspaceId)).toEqual({ [world.agents.ana!]: 4, [world.agents.bruno!]: 4, [world.agents.chloe!]: 4 });
  }, 60_000);
});
