import pg from 'pg';
import type { Logger } from '../../kernel/index.ts';

/**
 * The connection pool pg-boss runs on, owned by us rather than by pg-boss. pg-boss 10 does not
 * await the query that completes a job and can still be fetching when it closes its own pool;
 * tracking every query and handler lets `stop()` wait for both before the pool ends, so no
 * job is left 'active' (and retried 15 minutes later) and no query meets a closed pool.
 */
export interface TrackedPool {
  pool: pg.Pool;
  /** What pg-boss calls for every statement (its `db` option). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Counts a promise as work in progress until it settles. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits until no tracked work is left, including work that settling work started. */
  drain(): Promise<void>;
  end(): Promise<void>;
}

export function createTrackedPool(connectionString: string, logger: Logger | undefined): TrackedPool {
  const pool = new pg.Pool({ connectionString, max: 10, application_name: 'relais-jobs' });
  // An idle client losing its server emits here; without a listener it would crash the process.
  pool.on('error', (error) => logger?.error({ err: error }, 'job queue connection lost'));
  const inProgress = new Set<Promise<unknown>>();

  function track<T>(work: Promise<T>): Promise<T> {
    inProgress.add(work);
    work.then(() => inProgress.delete(work), () => inProgress.delete(work));
    return work;
  }

  return {
    pool,
    executeSql: (text, values) => track(pool.query(text, values)),
    track,
    async drain() {
      do {
        await Promise.allSettled([...inProgress]);
        // Let the continuations run: a fetched job starts its handler, a handler its 'complete'.
        await new Promise((resolve) => setImmediate(resolve));
      } while (inProgress.size > 0);
    },
    end: () => pool.end(),
  };
}
