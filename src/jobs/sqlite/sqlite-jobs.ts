import { sql, type Db, type JobsTable } from '../../store/index.ts';

/**
 * The statements of the SQLite driver over the `jobs` table. Each is one statement, so each is
 * atomic even with several processes on the same file: SQLite takes the write lock before an
 * UPDATE reads, and the busy timeout makes the others wait their turn.
 */
export type JobRow = JobsTable;

const LOCK_EXPIRED = 'lock expired: its worker stopped renewing the lease (it died or stalled)';

/**
 * Takes the next due job of a queue: marks it running, counts the attempt and locks it until
 * `lockedUntil`. The sub-select and the update are one statement, so two workers never take
 * the same job.
 */
/** The queues with a job due now (read through the `(state, run_at)` index). */
export async function dueQueues(db: Db, now: number): Promise<Set<string>> {
  const rows = await db.selectFrom('jobs').select('queue').distinct().where('state', '=', 'queued').where('run_at', '<=', now).execute();
  return new Set(rows.map((row) => row.queue));
}

export async function claimNextJob(db: Db, queue: string, now: number, lockedUntil: number): Promise<JobRow | undefined> {
  return db.updateTable('jobs')
    .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1), locked_until: lockedUntil, updated_at: now }))
    .where('id', '=', (eb) => eb.selectFrom('jobs').select('id')
      .where('queue', '=', queue).where('state', '=', 'queued').where('run_at', '<=', now)
      .orderBy('run_at').orderBy('id').limit(1))
    .where('state', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/**
 * After `first` (a job on its first attempt): up to `max` more due jobs of its queue that are on
 * their first attempt too, claimed in one statement, in the order they were queued.
 */
export async function claimFirstAttempts(db: Db, first: JobRow, max: number, now: number, lockedUntil: number): Promise<JobRow[]> {
  if (max <= 0) return [];
  const rows = await db.updateTable('jobs')
    .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1), locked_until: lockedUntil, updated_at: now }))
    .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id')
      .where('queue', '=', first.queue).where('state', '=', 'queued').where('run_at', '<=', now).where('attempts', '=', 0)
      .orderBy('run_at').orderBy('id').limit(max))
    .where('state', '=', 'queued')
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.run_at - b.run_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The heartbeat: extends the lease of the jobs this process is running. The `attempts` guard
 * fences it like `finishJob`: a run whose lease already went to another worker renews nothing.
 */
export async function renewLeases(db: Db, jobs: Iterable<Pick<JobRow, 'id' | 'attempts'>>, lockedUntil: number, now: number): Promise<void> {
  for (const job of jobs) {
    await db.updateTable('jobs').set({ locked_until: lockedUntil, updated_at: now })
      .where('id', '=', job.id).where('state', '=', 'running').where('attempts', '=', job.attempts)
      .execute();
  }
}

/**
 * Hands back jobs whose worker died or stalled past its lock. The lost run counts as an
 * attempt (as pg-boss does on expiry), so a job that kills its worker every time ends dead
 * instead of crashing workers forever.
 */
export async function releaseExpiredLocks(db: Db, now: number): Promise<number> {
  const result = await db.updateTable('jobs')
    .set({
      state: sql<'queued' | 'dead'>`case when attempts >= max_attempts then 'dead' else 'queued' end`,
      run_at: now,
      locked_until: null,
      last_error: LOCK_EXPIRED,
      updated_at: now,
    })
    .where('state', '=', 'running').where('locked_until', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Records the end of a run. The `attempts` guard is a fencing token: if this run outlived its
 * lock and another worker took the job since, this late result changes nothing.
 */
export async function finishJob(db: Db, job: JobRow, now: number, error: string | null, final = false): Promise<'done' | 'queued' | 'dead'> {
  const state = error === null ? 'done' : job.attempts < job.max_attempts && !final ? 'queued' : 'dead';
  const retryAt = now + job.backoff_ms * 2 ** Math.min(job.attempts - 1, 30);
  await db.updateTable('jobs')
    .set({
      state,
      locked_until: null,
      updated_at: now,
      ...(state === 'queued' ? { run_at: retryAt } : {}),
      ...(error === null ? {} : { last_error: error }),
    })
    .where('id', '=', job.id).where('state', '=', 'running').where('attempts', '=', job.attempts)
    .execute();
  return state;
}

/** Records the success of jobs that ran together (all on their first attempt), in one statement. */
export async function finishJobsDone(db: Db, jobs: Pick<JobRow, 'id' | 'attempts'>[], now: number): Promise<void> {
  await db.updateTable('jobs').set({ state: 'done', locked_until: null, updated_at: now })
    .where('id', 'in', jobs.map((job) => job.id)).where('state', '=', 'running').where('attempts', '=', 1)
    .execute();
}

/** Finished jobs are kept a day for inspection, then removed so the table stays small. */
export async function pruneDoneJobs(db: Db, before: number): Promise<void> {
  await db.deleteFrom('jobs').where('state', '=', 'done').where('updated_at', '<', before).execute();
}
