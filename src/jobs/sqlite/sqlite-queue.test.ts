import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.ts';
import { createTestStore, type TestStore } from '../../store/testing.ts';
import { sleep, waitFor } from '../testing.ts';
import { createSqliteQueue } from './sqlite-queue.ts';

// What only the SQLite driver does itself: lock expiry. (pg-boss expires active jobs on its
// own maintenance schedule, 15 minutes by default; the shared suite is in ../queue.test.ts.)
describe('sqlite queue after a worker crash', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(): Promise<{ store: TestStore; crashed: Store }> {
    const store = await createTestStore('sqlite');
    cleanups.push(() => store.drop());
    // The crashed worker had its own connection, as a separate process would.
    const crashed = openStore(store.target);
    cleanups.push(() => crashed.close());
    return { store, crashed };
  }

  /** Starts a worker that takes the job and hangs, then abandons it: it never polls or finishes again. */
  async function crashWhileRunning(crashed: Store, name: string, lockMs: number): Promise<void> {
    const doomed = createSqliteQueue({ db: crashed.db, pollIntervalMs: 20, lockMs });
    let taken = false;
    doomed.work(name, () => { taken = true; return new Promise<void>(() => {}); });
    await doomed.start();
    await waitFor(() => taken, 3000, 'the doomed worker to take the job');
    void doomed.stop(); // stops polling; never settles, like the process that died
  }

  it('takes a job again once the lock of the worker that died with it expires', async () => {
    const { store, crashed } = await setUp();
    const name = 'outbound.send';
    const id = await createSqliteQueue({ db: store.db }).enqueue(name, { message: 'Merci ! 🙏' });
    await crashWhileRunning(crashed, name, 300);
    const crashedAt = Date.now();

    const survivor = createSqliteQueue({ db: store.db, pollIntervalMs: 20 });
    cleanups.push(() => survivor.stop());
    const runs: Array<{ payload: unknown; attempt: number; at: number }> = [];
    survivor.work(name, async (payload, job) => { runs.push({ payload, attempt: job.attempt, at: Date.now() }); });
    await survivor.start();
    await sleep(150);
    expect(runs).toEqual([]); // still locked by the dead worker

    await waitFor(() => runs.length === 1, 3000, 'the job to be taken again');
    expect(runs[0]).toMatchObject({ payload: { message: 'Merci ! 🙏' }, attempt: 2 });
    expect(runs[0]!.at - crashedAt).toBeGreaterThanOrEqual(300 - 50);
    await waitFor(async () => (await jobState(store, id!)) === 'done', 3000, 'the job to be done');
    await sleep(100);
    expect(runs).toHaveLength(1);
  });

  it('marks the job dead when the lost run was its last attempt', async () => {
    const { store, crashed } = await setUp();
    const name = 'inbound.process';
    const queue = createSqliteQueue({ db: store.db, pollIntervalMs: 20 });
    cleanups.push(() => queue.stop());
    const id = await queue.enqueue(name, { delivery: 7 }, { maxAttempts: 1 });
    await crashWhileRunning(crashed, name, 100);

    let ran = false;
    queue.work(name, async () => { ran = true; });
    await queue.start();
    await waitFor(async () => (await queue.listDead()).length === 1, 3000, 'the dead job');
    expect(await queue.listDead()).toEqual([
      { id, queue: name, payload: { delivery: 7 }, attempts: 1, lastError: expect.stringContaining('lock expired'), failedAt: expect.any(Number) },
    ]);
    expect(ran).toBe(false);
  });
});

// A burst of webhooks leaves one processing job per recorded batch: claimed one by one, each
// would cost its own claim, run and commit while the backlog grows.
describe('sqlite queue: jobs that run together', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const merge = (payloads: unknown[]) => ({ ids: payloads.flatMap((payload) => {
    if (typeof payload !== 'object' || payload === null || !('ids' in payload) || !Array.isArray(payload.ids)) throw new Error('not mergeable');
    return payload.ids;
  }) });

  async function queued(payloads: unknown[]): Promise<{ store: TestStore; ids: string[] }> {
    const store = await createTestStore('sqlite');
    cleanups.push(() => store.drop());
    const enqueuer = createSqliteQueue({ db: store.db });
    const ids: string[] = [];
    for (const payload of payloads) ids.push((await enqueuer.enqueue('inbound.process', payload, { backoffMs: 10, maxAttempts: 2 }))!);
    return { store, ids };
  }

  async function work(store: TestStore, handler: (payload: unknown, attempt: number) => Promise<void>, max = 3): Promise<void> {
    const queue = createSqliteQueue({ db: store.db, pollIntervalMs: 20 });
    cleanups.push(() => queue.stop());
    queue.work('inbound.process', (payload, job) => handler(payload, job.attempt), { together: { max, merge } });
    await queue.start();
  }

  it('runs up to `max` queued jobs in one call, in the order they were queued, and finishes each', async () => {
    const { store, ids } = await queued([{ ids: ['a'] }, { ids: ['b', 'c'] }, { ids: ['d'] }, { ids: ['e'] }]);
    const calls: unknown[] = [];
    await work(store, async (payload) => { calls.push(payload); });
    await waitFor(async () => (await Promise.all(ids.map((id) => jobState(store, id)))).every((state) => state === 'done'), 3000, 'every job done');
    expect(calls).toEqual([{ ids: ['a', 'b', 'c', 'd'] }, { ids: ['e'] }]);
  });

  it('retries each job of a failed call, alone', async () => {
    const { store, ids } = await queued([{ ids: ['a'] }, { ids: ['b'] }]);
    const calls: Array<{ payload: unknown; attempt: number }> = [];
    await work(store, async (payload, attempt) => {
      calls.push({ payload, attempt });
      if (attempt === 1) throw new Error('database away');
    });
    await waitFor(async () => (await Promise.all(ids.map((id) => jobState(store, id)))).every((state) => state === 'done'), 3000, 'both jobs done on their retry');
    expect(calls[0]).toEqual({ payload: { ids: ['a', 'b'] }, attempt: 1 });
    expect(calls.slice(1).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([{ payload: { ids: ['a'] }, attempt: 2 }, { payload: { ids: ['b'] }, attempt: 2 }]);
  });

  it('runs each job alone when their payloads cannot be merged', async () => {
    const { store, ids } = await queued([{ ids: ['a'] }, { other: true }]);
    const calls: unknown[] = [];
    await work(store, async (payload) => { calls.push(payload); });
    await waitFor(async () => (await Promise.all(ids.map((id) => jobState(store, id)))).every((state) => state === 'done'), 3000, 'both jobs done');
    expect(calls).toEqual([{ ids: ['a'] }, { other: true }]);
  });
});

async function jobState(store: Store, id: string): Promise<string | undefined> {
  const row = await store.db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirst();
  return row?.state;
}
