import { isUniqueViolation, sql, type Db } from '../../store/index.ts';
import { AppError, newId, systemClock, type Clock, type Logger } from '../../kernel/index.ts';
import type { DeadJob, JobHandler, Queue, WorkOptions } from '../queue.ts';
import { deadListLimit, errorText, resolveEnqueueOptions } from '../resolve-options.ts';
import { failsForGood } from '../define-job.ts';
import { claimFirstAttempts, claimNextJob, dueQueues, finishJob, finishJobsDone, pruneDoneJobs, releaseExpiredLocks, renewLeases, type JobRow } from './sqlite-jobs.ts';

export interface SqliteQueueOptions {
  db: Db;
  clock?: Clock;
  /** How often idle workers look for due jobs (default 250 ms); enqueues wake them sooner. */
  pollIntervalMs?: number;
  /**
   * The lease: a running job is held this long past its worker's last heartbeat, then taken
   * again (default 30 s). The heartbeat renews it every third of the lease, so a job held by a
   * dead process runs again within one lease of the death.
   */
  lockMs?: number;
  /** How often the leases of running jobs are renewed (default a third of `lockMs`). */
  heartbeatMs?: number;
  logger?: Logger;
  /**
   * When other connections enqueue too (the embedded processing thread, a `relais worker` on
   * the same file): how often to ask SQLite whether another connection committed
   * (`PRAGMA data_version`, no disk read) and, if so, poll at once. Off by default.
   */
  watchOtherWritersMs?: number;
}

interface Worker {
  handler: JobHandler;
  concurrency: number;
  active: number;
  together: WorkOptions['together'];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The default lease of a running job (docs/adr/0012): renewed every 10 s, lost 30 s after its worker died. */
export const DEFAULT_LEASE_MS = 30_000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * The embedded queue: jobs are rows of the `jobs` table in the main SQLite database, so an
 * enqueue can share the transaction of the change that caused it. Workers poll the table;
 * an enqueue in this process wakes them at once.
 *
 * @example
 * const queue = createSqliteQueue({ db: store.db, logger });
 * queue.work('outbound.send', async (payload) => sendReply(deps, payload), { concurrency: 4 });
 * await queue.start();
 */
export function createSqliteQueue(options: SqliteQueueOptions): Queue {
  const { db, clock = systemClock, pollIntervalMs = 250, lockMs = DEFAULT_LEASE_MS, logger } = options;
  const heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(lockMs / 3));
  const workers = new Map<string, Worker>();
  const running = new Set<Promise<void>>();
  // The jobs this process is running, by id, with the attempt that fences their lease.
  const held = new Map<string, JobRow>();
  let renewedAt = clock.now();
  let heartbeat: NodeJS.Timeout | undefined;
  let renewing: Promise<void> | undefined;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let pollAgain = false;
  let prunedAt = 0;
  // Looking for expired leases is a write (a turn at SQLite's lock): a few times per lease is
  // plenty, not at every poll, which a burst makes hundreds of times a second.
  const releaseEveryMs = Math.min(1000, Math.max(1, Math.floor(lockMs / 4)));
  let releasedAt = Number.NEGATIVE_INFINITY;
  let watcher: NodeJS.Timeout | undefined;
  let dataVersion: number | undefined;
  let watching = false;

  // Another connection's commit (maybe an enqueue) changes `data_version`; ours do not.
  async function watchOtherWriters(): Promise<void> {
    if (watching) return;
    watching = true;
    try {
      const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
      const version = rows[0]?.data_version;
      if (version !== dataVersion) {
        dataVersion = version;
        wake();
      }
    } catch (error) {
      logger?.error({ err: error }, 'job queue watch failed');
    } finally {
      watching = false;
    }
  }

  // One poll at a time; a wake during a poll makes it go round once more, so none is lost.
  function wake(): void {
    if (!started) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = pollUntilQuiet().finally(() => { polling = undefined; });
  }

  async function pollUntilQuiet(): Promise<void> {
    do {
      pollAgain = false;
      try {
        await pollOnce();
      } catch (error) {
        logger?.error({ err: error }, 'job queue poll failed');
      }
    } while (pollAgain && started);
  }

  // Renews the leases when a heartbeat is due by the queue's clock. Called by the heartbeat
  // timer and before every release, so this process never hands back its own live jobs (a
  // test's manual clock may jump past a lease between two heartbeats).
  function renewIfDue(): Promise<void> {
    renewing ??= (async () => {
      const now = clock.now();
      if (held.size === 0 || now - renewedAt < heartbeatMs) return;
      renewedAt = now;
      await renewLeases(db, [...held.values()], now + lockMs, now);
    })().catch((error: unknown) => { logger?.error({ err: error }, 'could not renew job leases'); })
      .finally(() => { renewing = undefined; });
    return renewing;
  }

  async function pollOnce(): Promise<void> {
    await renewIfDue();
    const now = clock.now();
    if (now - releasedAt >= releaseEveryMs) {
      releasedAt = now;
      const released = await releaseExpiredLocks(db, now);
      if (released > 0) logger?.warn({ released }, 'jobs taken again after their lock expired');
    }
    if (now - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now;
      await pruneDoneJobs(db, now - DAY_MS);
    }
    const hungry = [...workers].filter(([, worker]) => worker.active < worker.concurrency);
    if (hungry.length === 0) return;
    // One look at what is due, then a claim only for those queues: with a dozen queues
    // registered, claiming each in turn cost ~27 statements per job on the one connection
    // the webhook intake also writes through.
    const due = await dueQueues(db, now);
    for (const [queue, worker] of hungry) {
      if (!due.has(queue)) continue;
      while (started && worker.active < worker.concurrency) {
        const at = clock.now();
        const job = await claimNextJob(db, queue, at, at + lockMs);
        if (!job) break;
        const others = worker.together && job.attempts === 1 ? await claimFirstAttempts(db, job, worker.together.max - 1, at, at + lockMs) : [];
        run(worker, [job, ...others]);
      }
    }
  }

  function run(worker: Worker, jobs: JobRow[]): void {
    worker.active += 1;
    for (const job of jobs) held.set(job.id, job);
    const task = executeTogether(worker, jobs).finally(() => {
      for (const job of jobs) held.delete(job.id);
      worker.active -= 1;
      running.delete(task);
      wake(); // a slot is free: there may be more waiting
    });
    running.add(task);
  }

  /** Jobs claimed together run as one call on their merged payload (each alone if they cannot be merged). */
  async function executeTogether(worker: Worker, jobs: JobRow[]): Promise<void> {
    let merged: unknown;
    try {
      if (jobs.length > 1 && worker.together) merged = worker.together.merge(jobs.map((job) => JSON.parse(job.payload)));
    } catch (error) {
      logger?.warn({ err: error, queue: jobs[0]!.queue, jobs: jobs.length }, 'jobs claimed together could not be merged; each runs alone');
    }
    if (merged !== undefined) return execute(worker.handler, jobs, merged);
    for (const job of jobs) await execute(worker.handler, [job], JSON.parse(job.payload));
  }

  /** Runs the handler once for `jobs` (one, or several merged) and records the outcome on each. */
  async function execute(handler: JobHandler, jobs: JobRow[], payload: unknown): Promise<void> {
    const first = jobs[0]!;
    let error: string | null = null;
    let final = false;
    try {
      await handler(payload, { id: first.id, queue: first.queue, attempt: first.attempts });
    } catch (thrown) {
      error = errorText(thrown);
      final = failsForGood(thrown);
    }
    if (error === null && jobs.length > 1) {
      try {
        await finishJobsDone(db, jobs, clock.now());
      } catch (finishError) {
        logger?.error({ err: finishError, jobs: jobs.map((job) => job.id) }, 'could not record the end of jobs');
      }
      return;
    }
    for (const job of jobs) {
      try {
        const state = await finishJob(db, job, clock.now(), error, final);
        if (state === 'queued') logger?.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts, error }, 'job failed, will retry');
        if (state === 'dead') logger?.error({ jobId: job.id, queue: job.queue, attempt: job.attempts, error }, 'job failed its last attempt');
      } catch (finishError) {
        // The lease will expire and the job will run again: handlers are idempotent.
        logger?.error({ err: finishError, jobId: job.id }, 'could not record the end of a job');
      }
    }
  }

  return {
    driver: 'sqlite',

    async enqueue(queue, payload, enqueueOptions = {}) {
      const { maxAttempts, backoffMs, delayMs, singletonKey } = resolveEnqueueOptions(enqueueOptions);
      const now = clock.now();
      const id = newId(now);
      try {
        await (enqueueOptions.db ?? db).insertInto('jobs').values({
          id, queue, payload: JSON.stringify(payload ?? null), state: 'queued', attempts: 0,
          max_attempts: maxAttempts, backoff_ms: backoffMs, run_at: now + delayMs, locked_until: null,
          singleton_key: singletonKey, last_error: null, created_at: now, updated_at: now,
        }).execute();
      } catch (error) {
        if (singletonKey !== null && isUniqueViolation(error)) return null;
        throw error;
      }
      // In a transaction of this same database the poll waits for SQLite's one connection, so
      // it runs after the commit and sees the job; after a rollback it finds nothing, as it should.
      wake();
      return id;
    },

    work(queue, handler, workOptions = {}) {
      workers.set(queue, { handler, concurrency: Math.max(1, Math.floor(workOptions.concurrency ?? 1) || 1), active: 0, together: workOptions.together });
      wake();
    },

    async start() {
      if (started) return;
      started = true;
      timer = setInterval(wake, pollIntervalMs);
      heartbeat = setInterval(() => void renewIfDue(), heartbeatMs);
      if (options.watchOtherWritersMs) watcher = setInterval(() => void watchOtherWriters(), options.watchOtherWritersMs);
      wake();
    },

    async stop() {
      started = false;
      clearInterval(timer);
      timer = undefined;
      clearInterval(watcher);
      watcher = undefined;
      // A stopping worker renews nothing more: a job still running a lease after `stop()` may
      // be taken by another worker (the attempt fences this one's late result).
      clearInterval(heartbeat);
      heartbeat = undefined;
      await polling;
      await Promise.all(running);
      await renewing;
    },

    async listDead(listOptions = {}) {
      let query = db.selectFrom('jobs').selectAll().where('state', '=', 'dead');
      if (listOptions.queue !== undefined) query = query.where('queue', '=', listOptions.queue);
      const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(deadListLimit(listOptions.limit)).execute();
      return rows.map((row): DeadJob => ({
        id: row.id, queue: row.queue, payload: JSON.parse(row.payload), attempts: row.attempts, lastError: row.last_error, failedAt: row.updated_at,
      }));
    },

    async retryDead(id) {
      const now = clock.now();
      let updated: bigint;
      try {
        const result = await db.updateTable('jobs')
          .set({ state: 'queued', attempts: 0, run_at: now, locked_until: null, updated_at: now })
          .where('id', '=', id).where('state', '=', 'dead')
          .executeTakeFirst();
        updated = result.numUpdatedRows;
      } catch (error) {
        if (isUniqueViolation(error)) throw new Error(`job ${id} cannot be retried while another job with its singleton key is queued or running`, { cause: error });
        throw error;
      }
      if (updated === 0n) throw new AppError('job.not_found', `No dead job with id ${id}`);
      wake();
    },
  };
}
