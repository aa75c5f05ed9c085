import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { Db } from '../../store/index.ts';
import type { Logger } from '../../kernel/index.ts';
import type { BatchHandler, JobContext, JobHandler, Queue, WorkOptions } from '../queue.ts';
import { deadListLimit, resolveEnqueueOptions } from '../resolve-options.ts';
import { createQueueOnce, createSingletonIndex, listDeadJobs, reviveDeadJob, spendRetries } from './pgboss-schema.ts';
import { failsForGood } from '../define-job.ts';
import { createTrackedPool, type TrackedPool } from './tracked-pool.ts';

export interface PgBossQueueOptions {
  connectionString: string;
  logger?: Logger;
  /** How often an idle worker asks for jobs (default 2 s; pg-boss refuses less than 0.5 s). */
  pollIntervalSeconds?: number;
  /**
   * pg-boss 10 has no heartbeat: a job is held `expireInSeconds` from its start, then failed
   * by the maintenance round (every `maintenanceIntervalSeconds`) and retried after its retry
   * delay. This is that hold (default 30 s; a handler running longer is failed and retried,
   * so handlers stay short and idempotent). See docs/adr/0012.
   */
  leaseSeconds?: number;
  /** How often pg-boss fails the jobs held past their lease (default 10 s; its own default is 120 s). */
  maintenanceIntervalSeconds?: number;
  /**
   * Wakes workers in other processes (scale mode, over Redis): `tell` when this process sent a
   * job, `listen` in a process that works. Without it an idle worker finds a job sent elsewhere
   * at its next poll.
   */
  crossProcess?: { tell(queue: string): void; listen(wake: (queue: string) => void): void };
}

// Dead jobs must stay listable until retried: pg-boss 10 would move failed jobs to its archive
// after 12 hours and delete them 7 days later. A century keeps them in `pgboss.job`.
const KEEP_FAILED_SECONDS = 100 * 365 * 24 * 60 * 60;

/** A queue's handler: one job per call, or a batch of them with one outcome each. */
type Handling = { kind: 'one'; handler: JobHandler; batchSize: 1 } | { kind: 'batch'; handler: BatchHandler; batchSize: number };

interface Connection {
  boss: PgBoss;
  db: TrackedPool;
  queues: Map<string, Promise<void>>;
  workers: Map<string, string[]>;
}

/**
 * The PostgreSQL queue over pg-boss 10, in its own `pgboss` schema of the main database. It
 * connects on first use, so a process that only enqueues (`relais serve`) never polls.
 *
 * @example
 * const queue = createPgBossQueue({ connectionString: config.databaseUrl, logger });
 * await queue.enqueue('outbound.send', { outboundId }, { db: trx });
 */
export function createPgBossQueue(options: PgBossQueueOptions): Queue {
  const { connectionString, logger, pollIntervalSeconds = 2, leaseSeconds = 30, maintenanceIntervalSeconds = 10 } = options;
  const expireInSeconds = Math.max(1, Math.round(leaseSeconds));
  const handlers = new Map<string, { handler: Handling; concurrency: number; expireInSeconds: number }>();
  let connecting: Promise<Connection> | undefined;
  let working = false;

  function connect(): Promise<Connection> {
    connecting ??= open().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    });
    return connecting;
  }

  async function open(): Promise<Connection> {
    const db = createTrackedPool(connectionString, logger);
    const boss = new PgBoss({
      db: { executeSql: db.executeSql },
      schedule: false, // no cron jobs here; it would only add pg-boss's own queues and polling
      archiveFailedAfterSeconds: KEEP_FAILED_SECONDS,
      pollingIntervalSeconds: pollIntervalSeconds,
      maintenanceIntervalSeconds,
    });
    // An 'error' event without a listener would crash the process.
    boss.on('error', (error) => logger?.error({ err: error }, 'pg-boss error'));
    try {
      await boss.start();
      await createSingletonIndex(db);
    } catch (error) {
      await db.end().catch(() => {});
      throw error;
    }
    return { boss, db, queues: new Map(), workers: new Map() };
  }

  // pg-boss 10 needs a queue created before sending to it or working it.
  function ensureQueue(connection: Connection, name: string): Promise<void> {
    let created = connection.queues.get(name);
    if (!created) {
      created = createQueueOnce(connection.db.pool, name).catch((error: unknown) => {
        connection.queues.delete(name);
        throw error;
      });
      connection.queues.set(name, created);
    }
    return created;
  }

  async function subscribe(connection: Connection, queue: string, handling: Handling, concurrency: number): Promise<void> {
    await ensureQueue(connection, queue);
    const ids: string[] = [];
    // One pg-boss worker per slot, each fetching one job (a failure retries only its own job),
    // or a batch of them for a batch handler, which answers each job's outcome.
    for (let slot = 0; slot < concurrency; slot++) {
      // `let`, not `const`: the handler may run before work() resolves, and must not hit the TDZ.
      let workerId: string | undefined;
      // eslint-disable-next-line prefer-const -- see above: the split keeps the TDZ away
      workerId = await connection.boss.work<unknown>(queue, { batchSize: handling.batchSize, includeMetadata: true, pollingIntervalSeconds: pollIntervalSeconds }, async (fetched) => {
        if (fetched.length === 0) return;
        // pg-boss picks the oldest jobs but answers them in no set order (UPDATE … RETURNING):
        // put them back in creation order. Its milliseconds tie only for jobs created at once.
        const jobs = fetched.length > 1 ? [...fetched].sort((a, b) => createdAt(a) - createdAt(b)) : fetched;
        const contexts = jobs.map((job): JobContext => ({ id: job.id, queue, attempt: job.retryCount + 1 }));
        try {
          if (handling.kind === 'one') {
            await connection.db.track(handling.handler(jobs[0]!.data, contexts[0]!)).catch(async (error: unknown) => {
              await failed(connection, contexts[0]!, error);
              throw error; // pg-boss fails the job
            });
            return;
          }
          const outcomes = await connection.db.track(handling.handler(jobs.map((job, i) => ({ payload: job.data, job: contexts[i]! }))));
          // Fail the rejected ones here; pg-boss then completes only the jobs still active.
          for (const [i, outcome] of outcomes.entries()) {
            if (outcome.status === 'fulfilled') continue;
            await failed(connection, contexts[i]!, outcome.reason);
            await connection.boss.fail(queue, contexts[i]!.id, outcome.reason);
          }
        } finally {
          // pg-boss sleeps a full interval even after a job; while there is work, fetch again now.
          if (workerId) connection.boss.notifyWorker(workerId);
        }
      });
      ids.push(workerId);
    }
    connection.workers.set(queue, ids);
  }

  /** Logs a failed job and, when no retry can mend it, spends its retries so pg-boss's fail leaves it dead at once. */
  async function failed(connection: Connection, job: JobContext, error: unknown): Promise<void> {
    logger?.warn({ err: error, jobId: job.id, queue: job.queue, attempt: job.attempt }, 'job failed');
    if (failsForGood(error)) await spendRetries(connection.db.pool, job.queue, job.id);
  }

  function register(queue: string, handling: Handling, workOptions: WorkOptions): void {
    const concurrency = Math.max(1, Math.floor(workOptions.concurrency ?? 1) || 1);
    const longer = workOptions.maxRunMs ? Math.ceil(workOptions.maxRunMs / 1000) : 0;
    handlers.set(queue, { handler: handling, concurrency, expireInSeconds: Math.max(expireInSeconds, longer) });
    if (working) {
      void connect().then((connection) => subscribe(connection, queue, handling, concurrency))
        .catch((error: unknown) => logger?.error({ err: error, queue }, 'could not start a job worker'));
    }
  }

  function wakeWorkers(connection: Connection, queue: string): void {
    for (const id of connection.workers.get(queue) ?? []) connection.boss.notifyWorker(id);
  }

  return {
    driver: 'pg-boss',

    async enqueue(queue, payload, enqueueOptions = {}) {
      const { maxAttempts, backoffMs, delayMs, singletonKey } = resolveEnqueueOptions(enqueueOptions);
      const connection = await connect();
      await ensureQueue(connection, queue);
      // The payload goes as JSON text into pg-boss's `$3::jsonb`: handed over as a value, node-pg
      // would turn arrays into PostgreSQL arrays and refuse bare strings.
      const data = JSON.stringify(payload ?? null) as unknown as object;
      const id = await connection.boss.send(queue, data, {
        retryLimit: maxAttempts - 1,
        expireInSeconds: handlers.get(queue)?.expireInSeconds ?? expireInSeconds,
        // pg-boss counts whole seconds, at least one when backing off.
        ...(backoffMs === 0 ? { retryDelay: 0, retryBackoff: false } : { retryDelay: Math.max(1, Math.round(backoffMs / 1000)), retryBackoff: true }),
        ...(delayMs > 0 ? { startAfter: delayMs / 1000 } : {}), // seconds, added to the database's now()
        ...(singletonKey !== null ? { singletonKey } : {}),
        ...(enqueueOptions.db ? { db: transactionDb(enqueueOptions.db) } : {}),
      });
      // Inside a transaction this wake comes before the commit and finds nothing; the job then
      // waits for the next poll.
      if (id) {
        wakeWorkers(connection, queue);
        options.crossProcess?.tell(queue);
      }
      return id;
    },

    work(queue, handler, workOptions = {}) {
      register(queue, { kind: 'one', handler, batchSize: 1 }, workOptions);
    },

    workBatch(queue, handler, workOptions) {
      register(queue, { kind: 'batch', handler, batchSize: Math.max(1, Math.floor(workOptions.batchSize) || 1) }, workOptions);
    },

    async start() {
      if (working) return;
      working = true;
      const registered = [...handlers]; // any registered from now on subscribes itself, in work()
      try {
        const connection = await connect();
        // A job sent in a transaction elsewhere may not be committed when the word arrives:
        // look now and once more a moment later.
        options.crossProcess?.listen((queue) => {
          if (!working) return;
          wakeWorkers(connection, queue);
          setTimeout(() => { if (working) wakeWorkers(connection, queue); }, 150).unref();
        });
        for (const [queue, { handler, concurrency }] of registered) await subscribe(connection, queue, handler, concurrency);
      } catch (error) {
        working = false;
        throw error;
      }
    },

    async stop() {
      working = false;
      const pending = connecting;
      connecting = undefined;
      const connection = await pending?.catch(() => undefined);
      if (!connection) return;
      // Keep the pool open (close: false) until what pg-boss left in flight has settled.
      await connection.boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
      await connection.db.drain();
      await connection.db.end();
    },

    async listDead(listOptions = {}) {
      const { db } = await connect();
      return listDeadJobs(db.pool, listOptions.queue ?? null, deadListLimit(listOptions.limit));
    },

    async retryDead(id) {
      const connection = await connect();
      const queue = await reviveDeadJob(connection.db.pool, id);
      wakeWorkers(connection, queue);
    },
  };
}

function createdAt(job: { createdOn?: Date | string | number }): number {
  return job.createdOn === undefined ? 0 : new Date(job.createdOn).getTime();
}

/** pg-boss's `db` option over an open Kysely transaction, so the job commits or rolls back with it. */
function transactionDb(trx: Db): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}
