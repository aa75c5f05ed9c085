/**
 * What the queue suites share: real queues on a real test database, opened as one process or
 * as several, and a `waitFor` that polls workers instead of guessing how long they take.
 */
import { openStore } from '../store/index.ts';
import { createTestStore, type TestDialect, type TestStore } from '../store/testing.ts';
import type { Queue } from './queue.ts';
import { createSqliteQueue } from './sqlite/sqlite-queue.ts';
import { createPgBossQueue } from './pg-boss/pg-boss-queue.ts';

export interface QueueHarness {
  store: TestStore;
  /** A queue on the suite's own connection; the PostgreSQL one is pg-boss on the same database. */
  openQueue(): Queue;
  /** A queue as another process would have it: its own connection to the same database. */
  openProcess(): { queue: Queue; exit(): Promise<void> };
  /** Stops the queues and closes the connections opened since the last call. */
  closeAll(): Promise<void>;
}

export async function createQueueHarness(dialect: TestDialect): Promise<QueueHarness> {
  const store = await createTestStore(dialect);
  const cleanups: Array<() => Promise<void>> = [];

  function open(db = store.db): Queue {
    const queue = dialect === 'sqlite'
      ? createSqliteQueue({ db, pollIntervalMs: 20 })
      : createPgBossQueue({ connectionString: store.url!, pollIntervalSeconds: 0.5 });
    cleanups.push(() => queue.stop());
    return queue;
  }

  return {
    store,
    openQueue: () => open(),
    openProcess() {
      const other = dialect === 'sqlite' ? openStore(store.target) : undefined;
      const queue = open(other?.db);
      let exited = false;
      const exit = async () => {
        if (exited) return;
        exited = true;
        await queue.stop();
        await other?.close();
      };
      cleanups.push(exit);
      return { queue, exit };
    },
    async closeAll() {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    },
  };
}

/**
 * Drops a test store, closing it first and pausing: node-pg's `pool.end()` resolves before its
 * sockets close, so `DROP DATABASE ... WITH (FORCE)` in `drop()` can kill one mid-close, and
 * the store's pool has no 'error' listener to take that. Remove once the store handles it.
 */
export async function dropStore(store: TestStore | undefined): Promise<void> {
  if (!store) return;
  await store.close();
  await sleep(100);
  await store.drop();
}

/** Resolves once `condition` holds, checking every 10 ms; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
