import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../store/testing.ts';
import type { DeadJob, JobContext } from './index.ts';
import { createQueueHarness, dropStore, sleep, waitFor, type QueueHarness } from './testing.ts';

const dialects = await testDialects();

// pg-boss counts retry delays in whole seconds and polls at most every 0.5 s, so its timings
// are looser. `settleMs` is how long we watch for a run that must not happen.
const timing = {
  sqlite: { backoffMs: 100, delayMs: 300, settleMs: 200 },
  postgres: { backoffMs: 1000, delayMs: 1500, settleMs: 800 },
};

describe.each(dialects)('queue on %s', (dialect) => {
  const t = timing[dialect];
  let harness: QueueHarness;
  beforeAll(async () => { harness = await createQueueHarness(dialect); });
  afterEach(async () => { await harness.closeAll(); });
  afterAll(async () => { await dropStore(harness?.store); });

  const newQueueName = () => `test-${randomUUID().slice(0, 8)}`;

  it('runs a job once with its payload, non-ASCII text included', async () => {
    const queue = harness.openQueue();
    const name = newQueueName();
    const seen: Array<{ payload: unknown; job: JobContext }> = [];
    queue.work(name, async (payload, job) => { seen.push({ payload, job }); });
    await queue.start();
    const payload = { text: 'Commande n°42 — reçue ✅', tags: ['été', '東京'], total: 42.5, note: null };
    const id = await queue.enqueue(name, payload);
    const bare = await queue.enqueue(name, ['un', 'deux — ✅']);
    await waitFor(() => seen.length === 2, 5000, 'both jobs');
    expect(seen).toEqual([
      { payload, job: { id, queue: name, attempt: 1 } },
      { payload: ['un', 'deux — ✅'], job: { id: bare, queue: name, attempt: 1 } },
    ]);
    await sleep(t.settleMs);
    expect(seen).toHaveLength(2);
  });

  it('writes a job with the caller\'s transaction: rolled back never runs, committed does', async () => {
    const queue = harness.openQueue();
    const name = newQueueName();
    const seen: unknown[] = [];
    queue.work(name, async (payload) => { seen.push(payload); });
    await queue.start();
    const rollback = new Error('rollback');
    await expect(harness.store.db.transaction().execute(async (trx) => {
      await queue.enqueue(name, { which: 'rolled back' }, { db: trx });
      throw rollback;
    })).rejects.toBe(rollback);
    await harness.store.db.transaction().execute(async (trx) => {
      await queue.enqueue(name, { which: 'committed' }, { db: trx });
    });
    await waitFor(() => seen.length > 0, 5000, 'the committed job');
    await sleep(t.settleMs);
    expect(seen).toEqual([{ which: 'committed' }]);
  });

  it('retries a failing job with growing delays, keeps it dead, and runs it again on retryDead', async () => {
    const queue = harness.openQueue();
    const name = newQueueName();
    const runs: Array<{ attempt: number; at: number }> = [];
    let shopIsUp = false;
    queue.work(name, async (_payload, job) => {
      runs.push({ attempt: job.attempt, at: Date.now() });
      if (!shopIsUp) throw new Error(`boutique injoignable (essai ${job.attempt})`);
    });
    await queue.start();
    const id = await queue.enqueue(name, { order: 'n°42' }, { maxAttempts: 3, backoffMs: t.backoffMs });
    await waitFor(() => runs.length === 3, 12 * t.backoffMs, 'three attempts');
    expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = runs.map((run) => run.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(t.backoffMs - 5);
    expect(third - second).toBeGreaterThanOrEqual(2 * t.backoffMs - 5);

    let dead: DeadJob[] = [];
    await waitFor(async () => (dead = await queue.listDead({ queue: name })).length === 1, 5000, 'the dead job');
    expect(dead).toEqual([{ id, queue: name, payload: { order: 'n°42' }, attempts: 3, lastError: 'boutique injoignable (essai 3)', failedAt: expect.any(Number) }]);
    expect(Math.abs(dead[0]!.failedAt - third)).toBeLessThan(2000);
    expect((await queue.listDead()).map((job) => job.id)).toContain(id);
    expect(await queue.listDead({ queue: newQueueName() })).toEqual([]);
    await sleep(t.settleMs);
    expect(runs).toHaveLength(3);
    shopIsUp = true;
    await queue.retryDead(id!);
    await waitFor(() => runs.length === 4, 5000, 'the retried run');
    expect(runs[3]!.attempt).toBe(1);
    await sleep(t.settleMs);
    expect(runs).toHaveLength(4);
    expect(await queue.listDead({ queue: name })).toEqual([]);
    await expect(queue.retryDead(id!)).rejects.toMatchObject({ code: 'job.not_found' });
    await expect(queue.retryDead(randomUUID())).rejects.toMatchObject({ code: 'job.not_found' });
  }, 30_000);

  it('keeps a queued job across a restart and runs it exactly once', async () => {
    const name = newQueueName();
    const before = harness.openProcess();
    const id = await before.queue.enqueue(name, { survive: 'redémarrage' });
    await before.exit();

    const after = harness.openProcess();
    const runs: string[] = [];
    after.queue.work(name, async (_payload, job) => { runs.push(job.id); });
    await after.queue.start();
    await waitFor(() => runs.length > 0, 5000, 'the job after restart');
    await sleep(t.settleMs);
    expect(runs).toEqual([id]);
  });

  it('waits for a running handler on stop, and the job does not run again', async () => {
    const name = newQueueName();
    const first = harness.openProcess();
    let started = 0;
    let finished = 0;
    first.queue.work(name, async () => { started += 1; await sleep(300); finished += 1; });
    await first.queue.start();
    await first.queue.enqueue(name, {});
    await waitFor(() => started === 1, 5000, 'the handler to start');
    await first.exit();
    expect(finished).toBe(1);

    const second = harness.openProcess();
    second.queue.work(name, async () => { started += 1; });
    await second.queue.start();
    await sleep(t.settleMs);
    expect(started).toBe(1);
  });

  it('does not run a delayed job before its time', async () => {
    const queue = harness.openQueue();
    const name = newQueueName();
    const runs: Array<{ payload: unknown; at: number }> = [];
    queue.work(name, async (payload) => { runs.push({ payload, at: Date.now() }); });
    await queue.start();
    const enqueuedAt = Date.now();
    await queue.enqueue(name, 'later', { delayMs: t.delayMs });
    await queue.enqueue(name, 'now');
    await waitFor(() => runs.length === 2, t.delayMs + 5000, 'both jobs');
    expect(runs.map((run) => run.payload)).toEqual(['now', 'later']);
    expect(runs[1]!.at - enqueuedAt).toBeGreaterThanOrEqual(t.delayMs);
  });

  it('holds one queued or running job per singleton key', async () => {
    const queue = harness.openQueue();
    const name = newQueueName();
    expect(await queue.enqueue(name, 1, { singletonKey: 'order-42' })).toEqual(expect.any(String));
    expect(await queue.enqueue(name, 2, { singletonKey: 'order-42' })).toBeNull();
    expect(await queue.enqueue(name, 3, { singletonKey: 'order-43' })).toEqual(expect.any(String));
    // Jobs without a key are never deduplicated.
    expect(await queue.enqueue(name, 4)).toEqual(expect.any(String));
    expect(await queue.enqueue(name, 5)).toEqual(expect.any(String));

    const seen: unknown[] = [];
    queue.work(name, async (payload) => { seen.push(payload); });
    await queue.start();
    await waitFor(() => seen.length === 4, 5000, 'four jobs');
    expect(seen.toSorted()).toEqual([1, 3, 4, 5]);
    // Once done, the key is free again.
    expect(await queue.enqueue(name, 6, { singletonKey: 'order-42' })).toEqual(expect.any(String));
    await waitFor(() => seen.length === 5, 5000, 'the job with the freed key');
  });

  it('never runs a job twice when two workers share the database', async () => {
    const name = newQueueName();
    const a = harness.openProcess();
    const b = harness.openProcess();
    const runs = new Map<number, number>();
    const handler = async (payload: unknown) => {
      runs.set(payload as number, (runs.get(payload as number) ?? 0) + 1);
      await sleep(5);
    };
    for (let n = 0; n < 24; n++) await a.queue.enqueue(name, n);
    a.queue.work(name, handler, { concurrency: 3 });
    b.queue.work(name, handler, { concurrency: 3 });
    await Promise.all([a.queue.start(), b.queue.start()]);
    await waitFor(() => runs.size === 24, 10_000, 'all 24 jobs');
    await sleep(t.settleMs);
    expect([...runs].filter(([, count]) => count !== 1)).toEqual([]);
  });

  it('runs up to `concurrency` jobs of a queue at once, one by default', async () => {
    const queue = harness.openQueue();
    const [wide, narrow] = [newQueueName(), newQueueName()];
    const stats = new Map([wide, narrow].map((name) => [name, { busy: 0, peak: 0, done: 0 }]));
    const handler = (name: string) => async () => {
      const stat = stats.get(name)!;
      stat.peak = Math.max(stat.peak, ++stat.busy);
      await sleep(200);
      stat.busy -= 1;
      stat.done += 1;
    };
    for (let n = 0; n < 3; n++) await Promise.all([queue.enqueue(wide, n), queue.enqueue(narrow, n)]);
    queue.work(wide, handler(wide), { concurrency: 3 });
    queue.work(narrow, handler(narrow));
    await queue.start();
    await waitFor(() => [...stats.values()].every((stat) => stat.done === 3), 5000, 'all six jobs');
    expect([stats.get(wide)!.peak, stats.get(narrow)!.peak]).toEqual([3, 1]);
  });
});
