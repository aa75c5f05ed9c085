import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../store/index.ts';
import { createTestStore, testDialects, type TestStore } from '../../store/testing.ts';
import type { Queue } from '../queue.ts';
import { dropStore, waitFor } from '../testing.ts';
import { createPgBossQueue } from './pg-boss-queue.ts';

// What only the pg-boss driver does: reach into pg-boss's own tables (the shared suite is in
// ../queue.test.ts). Runs only where PostgreSQL answers.
const hasPostgres = (await testDialects()).includes('postgres');

describe.runIf(hasPostgres)('pg-boss queue and pg-boss tables', () => {
  let store: TestStore;
  const queues: Queue[] = [];
  const open = () => {
    const queue = createPgBossQueue({ connectionString: store.url!, pollIntervalSeconds: 0.5 });
    queues.push(queue);
    return queue;
  };
  beforeAll(async () => { store = await createTestStore('postgres'); });
  afterEach(async () => { await Promise.all(queues.splice(0).map((queue) => queue.stop())); });
  afterAll(async () => { await dropStore(store); });

  it('lists and revives a dead job that another pg-boss instance moved to its archive', async () => {
    const queue = open();
    const name = `test-${randomUUID().slice(0, 8)}`;
    const attempts: number[] = [];
    let fixed = false;
    queue.work(name, async (_payload, job) => {
      attempts.push(job.attempt);
      if (!fixed) throw new Error('token expiré');
    });
    await queue.start();
    const id = await queue.enqueue(name, { post: 'Soldes d’été ☀️' }, { maxAttempts: 1 });
    await waitFor(async () => (await queue.listDead({ queue: name })).length === 1, 5000, 'the dead job');

    // What pg-boss's maintenance does with default settings, 12 hours after the failure.
    await sql`
      WITH moved AS (DELETE FROM pgboss.job WHERE id = ${id}::uuid RETURNING *)
      INSERT INTO pgboss.archive (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output)
      SELECT id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output FROM moved`.execute(store.db);
    expect(await queue.listDead({ queue: name })).toEqual([
      { id, queue: name, payload: { post: 'Soldes d’été ☀️' }, attempts: 1, lastError: 'token expiré', failedAt: expect.any(Number) },
    ]);

    fixed = true;
    await queue.retryDead(id!);
    await waitFor(() => attempts.length === 2, 5000, 'the revived run');
    expect(attempts).toEqual([1, 1]);
    expect(await queue.listDead({ queue: name })).toEqual([]);
    await expect(queue.retryDead('not-a-uuid')).rejects.toMatchObject({ code: 'job.not_found' });
  });

  it('hands a batch handler its jobs oldest first, one batch at a time, and retries only the jobs it rejects', async () => {
    const queue = open();
    const name = `test-${randomUUID().slice(0, 8)}`;
    for (let n = 0; n < 12; n++) {
      await queue.enqueue(name, { n }, { maxAttempts: 2, backoffMs: 1000 });
      await new Promise((resolve) => setTimeout(resolve, 3)); // distinct creation times, to the millisecond
    }
    const batches: Array<Array<[number, number]>> = [];
    let running = 0;
    let overlapped = false;
    queue.workBatch!(name, async (jobs) => {
      overlapped ||= running > 0;
      running++;
      batches.push(jobs.map(({ payload, job }) => [(payload as { n: number }).n, job.attempt]));
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return jobs.map(({ payload, job }) => ((payload as { n: number }).n === 5 && job.attempt === 1
        ? { status: 'rejected', reason: new Error('colis introuvable') }
        : { status: 'fulfilled', value: undefined }));
    }, { batchSize: 16 });
    await queue.start();
    await waitFor(() => batches.flat().length === 13, 10_000, 'the twelve jobs and the retry');
    expect(batches[0]).toEqual(Array.from({ length: 12 }, (_, n) => [n, 1]));
    expect(batches.slice(1)).toEqual([[[5, 2]]]);
    expect(overlapped).toBe(false);
    expect(await queue.listDead({ queue: name })).toEqual([]);
    // pg-boss completes the batch's other jobs after the handler, without waiting.
    const completed = async () => (await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = ${name}`.execute(store.db)).rows.filter((row) => row.state === 'completed').length;
    await waitFor(async () => (await completed()) === 12, 5000, 'the twelve jobs completed');
  });

  it('creates its queues and singleton index safely when several processes start together', async () => {
    const processes = [open(), open(), open()];
    const names = [1, 2, 3].map(() => `test-${randomUUID().slice(0, 8)}`);
    for (const queue of processes) for (const name of names) queue.work(name, async () => {});
    await Promise.all(processes.map((queue) => queue.start()));
    // Delayed, so no worker finishes it between the three enqueues (a finished job frees its key).
    const ids = await Promise.all(processes.map((queue) => queue.enqueue(names[0]!, {}, { singletonKey: 'checkout-9', delayMs: 60_000 })));
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
    // One process enqueuing to several new queues at once creates them side by side.
    const fresh = [1, 2, 3, 4].map(() => `test-${randomUUID().slice(0, 8)}`);
    expect(await Promise.all(fresh.map((name) => processes[0]!.enqueue(name, {})))).not.toContain(null);
    const indexes = await sql<{ count: string }>`SELECT count(*) FROM pg_indexes WHERE schemaname = 'pgboss' AND indexname = 'relais_singleton_uq'`.execute(store.db);
    expect(Number(indexes.rows[0]?.count)).toBe(1);
  });
});
