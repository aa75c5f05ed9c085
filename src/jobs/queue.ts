import type { Db } from '../store/index.ts';

/**
 * The job queue as its callers see it. Drivers: `sqlite` (embedded, a table in the main
 * database) and `pg-boss` (PostgreSQL). Handlers must be idempotent: a job whose process
 * died mid-run is run again once its lease expires (docs/adr/0012).
 */
export interface Queue {
  readonly driver: 'sqlite' | 'pg-boss';
  /**
   * Adds a job. Pass `db` as an open transaction and the job exists only if that
   * transaction commits. Returns the job id, or null when `singletonKey` is already queued
   * or running.
   */
  enqueue(queue: string, payload: unknown, options?: EnqueueOptions): Promise<string | null>;
  /** Registers the handler of a queue; call before `start()`. */
  work(queue: string, handler: JobHandler, options?: WorkOptions): void;
  /**
   * Registers a handler that takes up to `batchSize` jobs of a queue at once, oldest first
   * (pg-boss only; callers fall back to `work` where it is absent). One fetch at a time per
   * process: the next batch is fetched once this one is settled, so a handler may rely on
   * every earlier job of the batch, and of the batches before, having been tried. The
   * handler answers one outcome per job, in order: a rejected job alone is failed and retried.
   */
  workBatch?(queue: string, handler: BatchHandler, options: WorkOptions & { batchSize: number }): void;
  /** Starts fetching jobs for the registered queues. */
  start(): Promise<void>;
  /** Stops fetching and waits for running handlers to settle. */
  stop(): Promise<void>;
  /** Jobs that failed every attempt, newest first. They are kept until retried. */
  listDead(options?: { queue?: string; limit?: number }): Promise<DeadJob[]>;
  /**
   * Puts a dead job back in its queue with a fresh set of attempts. Throws `AppError`
   * `job.not_found` when no dead job has this id.
   */
  retryDead(id: string): Promise<void>;
}

export interface WorkOptions {
  concurrency?: number;
  /**
   * For queues whose jobs may run longer than the lease (30 s): on pg-boss, which has no
   * heartbeat, a job of this queue is held this long before it is failed and retried. The
   * SQLite queue renews its leases while a job runs and does not need it. Register the
   * handler in every process that enqueues, so the enqueue knows it.
   */
  maxRunMs?: number;
  /**
   * Jobs of this queue on their first attempt may run together: the SQLite queue claims up to
   * `max` due ones at once (in the order they were queued), hands one handler call the payload
   * `merge` makes of theirs, and records the outcome on each, so a burst costs one claim, one
   * run and one finish instead of one per job. A retry runs alone (its attempt is its own); if
   * `merge` throws, each runs alone. Other drivers run each job alone.
   */
  together?: { max: number; merge(payloads: unknown[]): unknown };
}

export interface EnqueueOptions {
  /** An open transaction: the job is written with it and commits or rolls back with it. */
  db?: Db;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number;
  /** First retry delay; each later retry doubles it (default 1000 ms). */
  backoffMs?: number;
  /** At most one queued or running job with this key per queue. */
  singletonKey?: string;
}

export interface JobContext {
  id: string;
  queue: string;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler = (payload: unknown, job: JobContext) => Promise<void>;

/** One job of a batch fetched together. */
export interface BatchJob {
  payload: unknown;
  job: JobContext;
}

/** Handles jobs fetched together, oldest first; answers one settled outcome per job, in the same order. */
export type BatchHandler = (jobs: BatchJob[]) => Promise<PromiseSettledResult<void>[]>;

export interface DeadJob {
  id: string;
  queue: string;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  failedAt: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1000;
