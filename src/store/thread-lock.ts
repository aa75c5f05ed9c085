import type { Driver } from 'kysely';

/**
 * One SQLite file written from two threads of one process (the HTTP thread and the embedded
 * processing thread), each with its own connection. SQLite's own busy wait would block the
 * waiting thread's event loop and let the busier writer starve the other; this lock, in
 * memory both threads share, is awaited instead (no thread ever blocks), and the thread that
 * acknowledges webhooks goes first: the other takes no new turn while it waits.
 */
export interface ThreadLock {
  acquire(): Promise<void>;
  release(): void;
  /**
   * On the thread that goes second: 0 when the first is not waiting for the lock, else how many
   * writes wait behind its turn (at least 1), so a long writer commits what it has and lets it in.
   */
  othersWaiting(): number;
  /** On the thread that goes first: how many writes wait for its next turn (see `othersWaiting`). */
  announce(writes: number): void;
}

const HELD = 0;
const WAITING_FIRST = 1;
const DEMAND = 2;

/** The shared memory of a `ThreadLock`, handed to the other thread in its `workerData`. */
export function createThreadLockMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
}

export function threadLock(memory: SharedArrayBuffer, options: { first: boolean }): ThreadLock {
  const cells = new Int32Array(memory);
  // Waits are bounded so that a missed wake-up costs a few milliseconds, never a hang.
  const { waitAsync } = Atomics as unknown as { waitAsync(cells: Int32Array, index: number, value: number, timeoutMs: number): { value: Promise<string> | string } };
  const wait = async (index: number, value: number) => { await waitAsync(cells, index, value, 20).value; };
  return {
    async acquire() {
      if (options.first) Atomics.add(cells, WAITING_FIRST, 1);
      try {
        for (;;) {
          if (!options.first) {
            const waiting = Atomics.load(cells, WAITING_FIRST);
            if (waiting > 0) {
              await wait(WAITING_FIRST, waiting);
              continue;
            }
          }
          if (Atomics.compareExchange(cells, HELD, 0, 1) === 0) return;
          await wait(HELD, 1);
        }
      } finally {
        if (options.first && Atomics.sub(cells, WAITING_FIRST, 1) === 1) Atomics.notify(cells, WAITING_FIRST);
      }
    },
    release() {
      Atomics.store(cells, HELD, 0);
      Atomics.notify(cells, HELD);
    },
    othersWaiting: () => (!options.first && Atomics.load(cells, WAITING_FIRST) > 0 ? Math.max(1, Atomics.load(cells, DEMAND)) : 0),
    announce: (writes) => { if (options.first) Atomics.store(cells, DEMAND, writes); },
  };
}

/** Kysely's driver, holding `lock` from taking its connection (a query, a transaction) to giving it back. */
export function withThreadLock(driver: Driver, lock: ThreadLock): Driver {
  return {
    init: () => driver.init(),
    async acquireConnection() {
      const connection = await driver.acquireConnection();
      await lock.acquire();
      return connection;
    },
    beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
    savepoint: (connection, name, compile) => driver.savepoint!(connection, name, compile),
    rollbackToSavepoint: (connection, name, compile) => driver.rollbackToSavepoint!(connection, name, compile),
    releaseSavepoint: (connection, name, compile) => driver.releaseSavepoint!(connection, name, compile),
    async releaseConnection(connection) {
      lock.release();
      await driver.releaseConnection(connection);
    },
    destroy: () => driver.destroy(),
  };
}
