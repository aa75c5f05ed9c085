import { AppError, newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { enqueueJob, jobType, type Queue } from '../jobs/index.ts';
import { z } from 'zod';
import { csvLine } from './csv.ts';
import { drillDown, drillSchema, type DrillRequest } from './drill-down.ts';
import type { ReportQuery } from './report-period.ts';

export const EXPORT_QUEUE = 'reports.export';
/** `reports.export`: write one recorded export's CSV. */
export const exportJob = jobType(EXPORT_QUEUE, z.object({ workspaceId: z.string().min(1), exportId: z.string().min(1) }));
const PAGE = 1000;

/**
 * The CSV of a drill-down, page by page, for a streamed download: the header, then each row.
 *
 * @example for await (const chunk of drillCsv(db, query, { of: 'messages' })) res.write(chunk)
 */
export async function* drillCsv(db: Db, query: ReportQuery, request: DrillRequest, onPage?: (done: number, total: number) => Promise<void>): AsyncGenerator<string> {
  let offset: number | null = 0;
  let done = 0;
  let header = true;
  while (offset !== null) {
    const page = await drillDown(db, query, request, { offset, limit: PAGE });
    let chunk = header ? csvLine(page.columns) : '';
    header = false;
    for (const row of page.rows) chunk += csvLine(row);
    done += page.rows.length;
    await onPage?.(done, page.total);
    yield chunk;
    offset = page.nextOffset;
  }
}

/** Records a long export and queues its job; the console polls `exportStatus`. */
export async function startExport(deps: { db: Db; clock: { now(): number }; queue: Queue }, query: ReportQuery, request: DrillRequest, userId: string | null): Promise<{ id: string }> {
  const id = newId();
  const now = deps.clock.now();
  await deps.db.insertInto('report_exports').values({
    workspace_id: query.workspaceId, id, requested_by: userId, request: JSON.stringify({ query, request }), status: 'queued', rows_done: 0, rows_total: 0, error: null, created_at: now, updated_at: now,
  }).execute();
  await enqueueJob(deps.queue, exportJob, { workspaceId: query.workspaceId, exportId: id });
  return { id };
}

/** The `reports.export` job: writes the CSV in chunks, updating its progress after each page. */
export async function runExport(deps: { db: Db; clock: { now(): number } }, payload: { workspaceId: string; exportId: string }): Promise<void> {
  const row = await deps.db.selectFrom('report_exports').selectAll().where('workspace_id', '=', payload.workspaceId).where('id', '=', payload.exportId).executeTakeFirst();
  if (!row || row.status === 'done') return;
  const { query, request } = JSON.parse(row.request) as { query: ReportQuery; request: unknown };
  const where = (q: any) => q.where('workspace_id', '=', payload.workspaceId).where('export_id', '=', payload.exportId);
  // A retry starts over: what a dead attempt wrote is dropped first.
  await where(deps.db.deleteFrom('report_export_chunks')).execute();
  await deps.db.updateTable('report_exports').set({ status: 'running', rows_done: 0, updated_at: deps.clock.now() }).where('workspace_id', '=', payload.workspaceId).where('id', '=', payload.exportId).execute();
  let seq = 0;
  const progress = async (done: number, total: number) => {
    await deps.db.updateTable('report_exports').set({ rows_done: done, rows_total: total, updated_at: deps.clock.now() }).where('workspace_id', '=', payload.workspaceId).where('id', '=', payload.exportId).execute();
  };
  for await (const chunk of drillCsv(deps.db, query, drillSchema.parse(request), progress)) {
    await deps.db.insertInto('report_export_chunks').values({ workspace_id: payload.workspaceId, export_id: payload.exportId, seq: seq++, data: chunk }).execute();
  }
  await deps.db.updateTable('report_exports').set({ status: 'done', updated_at: deps.clock.now() }).where('workspace_id', '=', payload.workspaceId).where('id', '=', payload.exportId).execute();
}

export async function exportStatus(db: Db, workspaceId: string, id: string) {
  const row = await db.selectFrom('report_exports').select(['id', 'status', 'rows_done', 'rows_total', 'error', 'created_at']).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('report_export.not_found', 'Export not found');
  return { id: row.id, status: row.status, rowsDone: Number(row.rows_done), rowsTotal: Number(row.rows_total), error: row.error, createdAt: Number(row.created_at) };
}

/** The finished export's bytes, chunk by chunk. */
export async function* exportChunks(db: Db, workspaceId: string, id: string): AsyncGenerator<string> {
  const status = await exportStatus(db, workspaceId, id);
  if (status.status !== 'done') throw new AppError('report_export.not_ready', 'The export is not finished yet');
  for (let seq = 0; ; seq += 20) {
    const chunks = await db.selectFrom('report_export_chunks').select('data').where('workspace_id', '=', workspaceId).where('export_id', '=', id)
      .where('seq', '>=', seq).where('seq', '<', seq + 20).orderBy('seq').execute();
    for (const chunk of chunks) yield chunk.data;
    if (chunks.length < 20) return;
  }
}
