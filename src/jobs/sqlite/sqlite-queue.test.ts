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

async function jobState(store: Store, id: string): Promise<string | undefined> {
  const row = await store.db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirst();
  return row?.state;
}
