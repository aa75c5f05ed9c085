import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../kernel/index.ts';
import type { TestDialect } from '../store/testing.ts';
import { testDialects } from '../store/testing.ts';
import { schedulePeriodic, withPeriodicSlots } from './periodic.ts';
import { createQueueHarness, dropStore, waitFor, type QueueHarness } from './testing.ts';

// Two workers (two processes' queues on one database) offering the same periodic job.
describe.each(await testDialects())('periodic jobs across workers (%s)', (dialect: TestDialect) => {
  let harness: QueueHarness | undefined;
  afterEach(async () => { await harness?.closeAll(); });
  afterAll(async () => { if (harness) await dropStore(harness.store); });

  it('runs once per period however many workers offer it, and a retried claim still runs', async () => {
    harness ??= await createQueueHarness(dialect);
    const clock = manualClock(Date.UTC(2026, 11, 7, 9, 0, 30));
    const name = `periodic-${dialect}-${Math.random().toString(36).slice(2, 8)}`;
    const every = new Map([[name, 60_000]]);
    const runs: number[] = [];
    let attempts = 0;
    const workers = [harness.openProcess(), harness.openProcess()].map(({ queue }) => {
      const periodic = withPeriodicSlots(queue, { db: harness!.store.db, clock }, every);
      periodic.work(name, async (payload) => {
        attempts++;
        if (attempts === 1) throw new Error('the worker fell over mid-run');
        runs.push((payload as { slot: number }).slot);
      });
      return { queue: periodic, scheduler: schedulePeriodic({ db: harness!.store.db, queue: periodic, clock }, [{ queue: name, everyMs: 60_000 }]) };
    });
    for (const worker of workers) {
      await worker.queue.start();
      await worker.scheduler.start();
    }
    await waitFor(() => runs.length === 1, 15_000);
    // Offered again in the same minute, after the first finished: nothing more runs.
    for (const worker of workers) await worker.queue.enqueue(name, { slot: runs[0] }, { singletonKey: `periodic:${runs[0]}` });
    await new Promise((resolve) => setTimeout(resolve, dialect === 'sqlite' ? 300 : 1500));
    expect(runs).toHaveLength(1);
    clock.advance(60_000);
    for (const worker of workers) await worker.scheduler.start();
    await waitFor(() => runs.length === 2, 15_000);
    await new Promise((resolve) => setTimeout(resolve, dialect === 'sqlite' ? 300 : 1500));
    expect(runs).toEqual([runs[0], runs[0]! + 1]);
    for (const worker of workers) worker.scheduler.stop();
  });
});
