import type { CompiledQuery, DatabaseConnection, Driver } from 'kysely';

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
  /** On the thread that goes first: how many writes a second it has lately come to (webhook deliveries recorded). */
  announceRate(perSecond: number): void;
  /** On the thread that goes second: the rate the first last announced (0 on the first). */
  rate(): number;
}

const HELD = 0;
const WAITING_FIRST = 1;
const DEMAND = 2;
const RATE = 3;

/** The shared memory of a `ThreadLock`, handed to the other thread in its `workerData`. */
export function createThreadLockMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
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
    announceRate: (perSecond) => { if (options.first) Atomics.store(cells, RATE, Math.min(2 ** 31 - 1, Math.round(perSecond))); },
    rate: () => (options.first ? 0 : Atomics.load(cells, RATE)),
  };
}

/**
 * Kysely's driver, holding `lock` for each write: a transaction from its begin to its end, a
 * statement outside one for its run. A read outside a transaction (a SELECT) takes no turn: in
 * WAL mode it never waits for the writer nor holds it up, so a long report or monitor read on
 * one thread delays no webhook acknowledgement on the other.
 */
export function withThreadLock(driver: Driver, lock: ThreadLock): Driver {
  const locked = new WeakSet<DatabaseConnection>();
  const guarded = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const guard = (connection: DatabaseConnection): DatabaseConnection => {
    let wrapped = guarded.get(connection);
    if (!wrapped) {
      wrapped = {
        async executeQuery<R>(query: CompiledQuery) {
          if (locked.has(wrapped!) || readsOnly(query)) return connection.executeQuery<R>(query);
          await lock.acquire();
          try {
            return await connection.executeQuery<R>(query);
          } finally {
            lock.release();
          }
        },
        streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
      };
      guarded.set(connection, wrapped);
    }
    return wrapped;
  };
  const end = (connection: DatabaseConnection) => {
    if (locked.delete(connection)) lock.release();
  };
  return {
    init: () => driver.init(),
    acquireConnection: async () => guard(await driver.acquireConnection()),
    async beginTransaction(connection, settings) {
      await lock.acquire();
      locked.add(connection);
      try {
        await driver.beginTransaction(connection, settings);
      } catch (error) {
        end(connection);
        throw error;
      }
    },
    // A failed commit is followed by Kysely's rollback, which gives the turn back.
    async commitTransaction(connection) {
      await driver.commitTransaction(connection);
      end(connection);
    },
    async rollbackTransaction(connection) {
      try {
        await driver.rollbackTransaction(connection);
      } finally {
        end(connection);
      }
    },
    savepoint: (connection, name, compile) => driver.savepoint!(connection, name, compile),
    rollbackToSavepoint: (connection, name, compile) => driver.rollbackToSavepoint!(connection, name, compile),
    releaseSavepoint: (connection, name, compile) => driver.releaseSavepoint!(connection, name, compile),
    async releaseConnection(connection) {
      end(connection);
      await driver.releaseConnection(connection);
    },
    destroy: () => driver.destroy(),
  };
}

/** A statement that only reads: a SELECT built by Kysely, or raw SQL that is one. */
function readsOnly(query: CompiledQuery): boolean {
  if (query.query.kind === 'SelectQueryNode') return true;
  return query.query.kind === 'RawNode' && /^\s*select\b/i.test(query.sql);
}
