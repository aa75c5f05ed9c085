import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../kernel/index.ts';
import { createMemoryBus } from '../realtime/index.ts';
import { createTestStore, testDialects, type TestStore } from '../store/testing.ts';
import { saveCareSettings } from './care-settings.ts';
import { addConversations, addMessage, createWorld } from './routing-fixtures.ts';
import { conversationSlaMetrics, recordSlaMetrics, refreshSlaMetrics } from './sla-metrics.ts';
import { updateConversation } from './update-conversation.ts';

const MIN = 60_000;
const H = 60 * MIN;
// Paris is UTC+1 in late November. Default hours: Mon–Fri 9:00–12:30 and 13:30–18:00, Sat 10:00–13:00.
const paris = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 1, minute);
const dialects = await testDialects();

describe.each(dialects)('measured SLA figures on %s', (dialect) => {
  let store: TestStore;
  const clock = manualClock(paris(27, 9));
  const deps = () => ({ db: store.db, clock, bus: createMemoryBus({ clock }) });
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store.drop(); });

  it('keeps first response, next responses and resolution in business and calendar time, across a weekend and a lunch break', async () => {
    const world = await createWorld(store.db, { ana: 'online' }, clock.now());
    const [id] = await addConversations(store.db, world, 1, clock.now());
    // Friday 27 November, 17:30: the customer writes; a note is no answer.
    await addMessage(store.db, world, id!, paris(27, 17, 30), 'customer');
    await addMessage(store.db, world, id!, paris(28, 11), 'note');
    // Monday 30, 14:00: the first answer, after the lunch break.
    await addMessage(store.db, world, id!, paris(30, 14), 'agent');
    clock.set(paris(30, 14));
    await recordSlaMetrics(deps(), world.workspaceId, id!);
    const first = await conversationSlaMetrics(deps(), world.workspaceId, id!);
    // Business: Fri 17:30–18:00 (30 min) + Sat 10:00–13:00 (3 h) + Mon 9:00–12:30 (3 h 30) + 13:30–14:00 (30 min) = 7 h 30.
    // Calendar: Fri 17:30 → Mon 14:00 = 2 days 20 h 30 = 68 h 30.
    expect(first?.firstResponse).toEqual({ at: paris(30, 14), businessMs: 7.5 * H, calendarMs: 68.5 * H, breached: true });
    expect(first?.responses).toEqual({ count: 0, businessMs: 0, calendarMs: 0, breached: 0 });
    expect(first?.resolution).toBeNull();

    // Monday 16:00 the customer comes back; Tuesday 9:15 the answer.
    await addMessage(store.db, world, id!, paris(30, 16), 'customer');
    await addMessage(store.db, world, id!, paris(30, 9, 15) + 24 * H, 'agent');
    // Tuesday 10:00: resolved (the status change records the figures itself).
    clock.set(paris(30, 10) + 24 * H);
    await updateConversation(deps(), world.workspaceId, id!, { status: 'resolved' });
    const done = await conversationSlaMetrics(deps(), world.workspaceId, id!);
    // Next response: Mon 16:00–18:00 (2 h) + Tue 9:00–9:15 = 2 h 15 in business time; 17 h 15 in calendar time.
    expect(done?.responses).toEqual({ count: 1, businessMs: 2.25 * H, calendarMs: 17.25 * H, breached: 1 });
    // Resolution: Fri 30 min + Sat 3 h + Mon 8 h + Tue 9:00–10:00 = 12 h 30; calendar Fri 17:30 → Tue 10:00 = 88 h 30.
    expect(done?.resolution).toEqual({ at: paris(30, 10) + 24 * H, businessMs: 12.5 * H, calendarMs: 88.5 * H, breached: false });
    expect(done?.firstResponse?.businessMs).toBe(7.5 * H);
  });

  it('measures with the stored hours: a workspace open on Sundays counts Sunday', async () => {
    const world = await createWorld(store.db, { ana: 'online' }, clock.now());
    await saveCareSettings({ db: store.db, clock }, world.workspaceId, null, {
      hours: { weekly: { 0: [{ start: '10:00', end: '12:00' }], 1: [{ start: '09:00', end: '18:00' }], 2: [], 3: [], 4: [], 5: [{ start: '09:00', end: '18:00' }], 6: [] } },
    });
    const [id] = await addConversations(store.db, world, 1, clock.now());
    await addMessage(store.db, world, id!, paris(27, 17, 30), 'customer');
    await addMessage(store.db, world, id!, paris(30, 9, 30), 'agent');
    clock.set(paris(30, 9, 30));
    await recordSlaMetrics(deps(), world.workspaceId, id!);
    // Fri 30 min + Sun 2 h + Mon 30 min.
    expect((await conversationSlaMetrics(deps(), world.workspaceId, id!))?.firstResponse?.businessMs).toBe(3 * H);
  });

  it('measures, on the monitor\'s round, conversations whose clocks stopped elsewhere, and only those', async () => {
    // A week on (Friday 4 December), after everything the other cases measured.
    const world = await createWorld(store.db, { ana: 'online' }, clock.now());
    const [id] = await addConversations(store.db, world, 1, paris(34, 10));
    // Written straight to the store, as a reply made on the platform itself arrives: no hook ran.
    await addMessage(store.db, world, id!, paris(34, 10), 'customer');
    await addMessage(store.db, world, id!, paris(34, 10, 40), 'agent');
    clock.set(paris(34, 11));
    expect(await refreshSlaMetrics(deps())).toBeGreaterThanOrEqual(1);
    expect((await conversationSlaMetrics(deps(), world.workspaceId, id!))?.firstResponse).toMatchObject({ businessMs: 40 * MIN, breached: false });
    expect(await refreshSlaMetrics(deps())).toBe(0);
    // A later change to the conversation brings it back once.
    await store.db.updateTable('conversations').set({ updated_at: paris(34, 11, 5) }).where('id', '=', id!).execute();
    clock.set(paris(34, 11, 10));
    expect(await refreshSlaMetrics(deps())).toBe(1);
    expect(await refreshSlaMetrics(deps())).toBe(0);
  });
});
