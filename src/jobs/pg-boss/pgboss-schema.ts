import type pg from 'pg';
import { isUniqueViolation } from '../../store/index.ts';
import { AppError } from '../../kernel/index.ts';
import type { DeadJob } from '../queue.ts';

/**
 * Everything we read or write in pg-boss 10's own tables (schema `pgboss`), where its API falls
 * short of the `Queue` interface. Check these statements when upgrading pg-boss.
 */

// pg-boss 10 dedupes by singleton key only through queue policies that also treat every job
// *without* a key as one key. The interface wants "one queued or running job per key", so we
// add that index; `send`'s ON CONFLICT DO NOTHING then returns null for the duplicate. Created
// under an advisory lock, since two processes starting at once would race on CREATE INDEX.
const SINGLETON_INDEX = `
  DO $$ BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('relais.jobs.singleton_index'));
    IF to_regclass('pgboss.relais_singleton_uq') IS NULL THEN
      CREATE UNIQUE INDEX relais_singleton_uq ON pgboss.job (name, singleton_key)
        WHERE singleton_key IS NOT NULL AND state IN ('created', 'retry', 'active');
    END IF;
  END $$`;

export async function createSingletonIndex(db: { executeSql(text: string): Promise<unknown> }): Promise<void> {
  await db.executeSql(SINGLETON_INDEX);
}

/**
 * Creates a pg-boss queue (a partition of `pgboss.job`) unless it exists. pg-boss's own
 * `createQueue` deadlocks when two run at once, even for different names: each inserts its
 * queue row, then adding the partition's foreign key needs a lock the other's insert blocks.
 * Several processes starting together do exactly that, so creations take turns here.
 */
export async function createQueueOnce(pool: pg.Pool, name: string): Promise<void> {
  const existing = await pool.query('SELECT 1 FROM pgboss.queue WHERE name = $1', [name]);
  if (existing.rowCount) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('relais.jobs.create_queue'))`);
    await client.query(`SELECT pgboss.create_queue($1, json_build_object('policy', 'standard'))`, [name]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// Dead jobs: a job that used up its retries is in state 'failed', in `job` while our settings
// keep it there, or in `archive` if a pg-boss instance with default settings moved it.
const columns = 'id, name, data, retry_count, output, completed_on';

const LIST_DEAD = `
  SELECT ${columns} FROM pgboss.job WHERE state = 'failed' AND ($1::text IS NULL OR name = $1)
  UNION ALL
  SELECT ${columns} FROM pgboss.archive WHERE state = 'failed' AND ($1::text IS NULL OR name = $1)
  ORDER BY completed_on DESC, id DESC
  LIMIT $2`;

// A fresh set of attempts: started_on NULL makes pg-boss's fetch count the next run as the
// first; keep_until is pushed back, or maintenance would archive the job as never started.
const REVIVE = `
  UPDATE pgboss.job
  SET state = 'created', retry_count = 0, started_on = NULL, completed_on = NULL, output = NULL,
      start_after = now(), keep_until = now() + interval '14 days'
  WHERE id = $1 AND state = 'failed'
  RETURNING name`;

const REVIVE_ARCHIVED = `
  WITH revived AS (DELETE FROM pgboss.archive WHERE id = $1 AND state = 'failed' RETURNING *)
  INSERT INTO pgboss.job (id, name, priority, data, retry_limit, retry_delay, retry_backoff, singleton_key, expire_in, dead_letter, policy, keep_until)
  SELECT id, name, priority, data, retry_limit, retry_delay, retry_backoff, singleton_key, expire_in, dead_letter, policy, now() + interval '14 days'
  FROM revived
  RETURNING name`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DeadRow {
  id: string;
  name: string;
  data: unknown;
  retry_count: number;
  output: unknown;
  completed_on: Date;
}

export async function listDeadJobs(pool: pg.Pool, queue: string | null, limit: number): Promise<DeadJob[]> {
  const { rows } = await pool.query<DeadRow>(LIST_DEAD, [queue, limit]);
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    payload: row.data,
    attempts: row.retry_count + 1,
    lastError: failureText(row.output),
    failedAt: row.completed_on.getTime(),
  }));
}

/** Puts a dead job back with a fresh set of attempts; returns its queue. */
export async function reviveDeadJob(pool: pg.Pool, id: string): Promise<string> {
  if (!UUID.test(id)) throw new AppError('job.not_found', `No dead job with id ${id}`);
  try {
    const revived = await pool.query<{ name: string }>(REVIVE, [id]);
    const row = revived.rows[0] ?? (await pool.query<{ name: string }>(REVIVE_ARCHIVED, [id])).rows[0];
    if (!row) throw new AppError('job.not_found', `No dead job with id ${id}`);
    return row.name;
  } catch (error) {
    if (isUniqueViolation(error)) throw new Error(`job ${id} cannot be retried while another job with its singleton key is queued or running`, { cause: error });
    throw error;
  }
}

/** pg-boss stores a failure as a serialized error, `{ value }` for non-errors, or its own note on expiry. */
function failureText(output: unknown): string | null {
  if (output === null || typeof output !== 'object') return output == null ? null : String(output);
  const { message, value } = output as { message?: unknown; value?: unknown };
  if (typeof message === 'string') return message;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') return (value as { message: string }).message;
  return JSON.stringify(output);
}

/** Leaves a job no retries, so the failure pg-boss records next makes it dead (`failed`). */
export async function spendRetries(pool: pg.Pool, queue: string, id: string): Promise<void> {
  await pool.query('UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2', [queue, id]);
}
