import { jobKind, type JobKind, type JobProgress } from '../contracts/index.ts';
import type { Clock } from '../kernel/index.ts';
import { newId } from '../kernel/index.ts';
import { publishEvent, type Bus } from '../realtime/index.ts';
import type { Db } from '../store/index.ts';

/** What a long job tells as it goes: `done` of `total` in `phase`. */
export interface Progress {
  report(done: number, total: number, phase: string): Promise<void>;
}

export interface ProgressDeps {
  db: Db;
  clock: Clock;
  /** Absent in a process without consoles to tell (scripts): the row is still written. */
  bus?: Bus | undefined;
}

export interface ProgressTarget {
  workspaceId: string;
  kind: JobKind;
  /** What the work is about (a channel id); the whole workspace when left out. */
  subject?: string;
}

/** Within one phase, the row is written and published at most this often (the end always is). */
export const PROGRESS_EVERY_MS = 250;

/**
 * Runs `work` with a progress reporter: the `job_progress` row of this kind and subject starts
 * at 0, moves with each `report`, and ends `done` (the bar full) or `failed` with the error's
 * message, which is then rethrown so the queue retries as before. Every move is published as
 * `job.progress`, so a console draws the bar live without polling.
 *
 * @example await trackProgress(deps, { workspaceId, kind: 'commerce.reconcile', subject: channelId }, async (progress) => { await progress.report(0, n, 'writing'); … })
 */
export async function trackProgress<T>(deps: ProgressDeps, target: ProgressTarget, work: (progress: Progress) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  let row: JobProgress = {
    kind: target.kind, subject: target.subject ?? '', runId: newId(now), phase: 'starting', done: 0, total: 0,
    status: 'running', error: null, startedAt: now, updatedAt: now, finishedAt: null,
  };
  let lastWrite = now;
  await save(deps, target.workspaceId, row);
  const progress: Progress = {
    async report(done, total, phase) {
      const at = deps.clock.now();
      const moved = phase !== row.phase || done >= total || at - lastWrite >= PROGRESS_EVERY_MS;
      row = { ...row, done: Math.max(0, Math.min(done, total)), total: Math.max(0, total), phase, updatedAt: at };
      if (!moved) return;
      lastWrite = at;
      await save(deps, target.workspaceId, row);
    },
  };
  try {
    const result = await work(progress);
    const at = deps.clock.now();
    row = { ...row, done: row.total, phase: 'done', status: 'done', updatedAt: at, finishedAt: at };
    await save(deps, target.workspaceId, row);
    return result;
  } catch (error) {
    const at = deps.clock.now();
    row = { ...row, status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'failed', updatedAt: at, finishedAt: at };
    await save(deps, target.workspaceId, row).catch(() => undefined);
    throw error;
  }
}

async function save(deps: ProgressDeps, workspaceId: string, row: JobProgress): Promise<void> {
  const values = {
    run_id: row.runId, phase: row.phase, done: row.done, total: row.total, status: row.status, error: row.error,
    started_at: row.startedAt, updated_at: row.updatedAt, finished_at: row.finishedAt,
  };
  await deps.db.insertInto('job_progress').values({ workspace_id: workspaceId, kind: row.kind, subject: row.subject, ...values })
    .onConflict((conflict) => conflict.columns(['workspace_id', 'kind', 'subject']).doUpdateSet(values)).execute();
  if (deps.bus) await publishEvent(deps.bus, { workspaceId, type: 'job.progress', data: row });
}

/** The workspace's latest progress rows, of one kind (and subject) or all. */
export async function listJobProgress(db: Db, workspaceId: string, filter: { kind?: JobKind | undefined; subject?: string | undefined } = {}): Promise<JobProgress[]> {
  let query = db.selectFrom('job_progress').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
  const rows = await query.orderBy('updated_at', 'desc').limit(100).execute();
  return rows.map((row) => ({
    kind: jobKind.parse(row.kind), subject: row.subject, runId: row.run_id, phase: row.phase, done: Number(row.done), total: Number(row.total),
    status: row.status, error: row.error, startedAt: Number(row.started_at), updatedAt: Number(row.updated_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  }));
}
