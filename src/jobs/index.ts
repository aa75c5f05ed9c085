/**
 * jobs: background work that must survive a crash and can be enqueued in the same
 * transaction as the change that caused it. One `Queue` interface; the composition root picks
 * the driver: `sqlite` (a table in the embedded database, the default) or `pg-boss`
 * (PostgreSQL deployments). Handlers must be idempotent: a job can run again after a crash.
 */
export type { Queue, WorkOptions, EnqueueOptions, JobContext, JobHandler, BatchJob, BatchHandler, DeadJob } from './queue.ts';
export { DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_MS } from './queue.ts';
export { createSqliteQueue, type SqliteQueueOptions } from './sqlite/sqlite-queue.ts';
export { createPgBossQueue, type PgBossQueueOptions } from './pg-boss/pg-boss-queue.ts';
export { defineJob, definePeriodicJob, LONG_RUN, registerJobs, enqueueJob, jobType, type JobDefinition, type JobType } from './define-job.ts';
export { oncePerSlot, periodicPayload, schedulePeriodic, withPeriodicSlots, type PeriodicJob } from './periodic.ts';
export { createPace } from './pace.ts';
export { trackProgress, listJobProgress, PROGRESS_EVERY_MS, type Progress, type ProgressDeps, type ProgressTarget } from './progress.ts';
