import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localTimeToUtc } from '../../care/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import {
  careReport, checkPeriod, commerceReport, drillCsv, drillDown, drillSchema, exportChunks, exportStatus, pendingRefreshes, rebuildReports,
  refreshDirty, responseTimes, sentimentReport, startExport, type ReportQuery,
} from '../../reports/index.ts';
import type { HttpDeps } from '../deps.ts';
import { callerOf } from '../authenticate.ts';
import { allow, needs } from '../access.ts';
import { reportPageQuery, reportPeriodQuery } from '../../contracts/index.ts';
import { exportParam } from './reports.validators.ts';

/** Conversations a report read refreshes itself before answering; beyond, it says how many wait. */
const READ_REFRESH_LIMIT = 2000;

/** The reports (docs/metrics.md): thin routes over `src/reports`. */
export function reportRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const read = allow(needs('reports.read'));
  const db = deps.store.db;
  const env = () => ({ db, clock: deps.inbox.clock });
  const dialect = deps.store.dialect.name;

  /** The period and scope of a request, with what changed just before it counted in. */
  async function periodOf(request: FastifyRequest): Promise<{ query: ReportQuery; pending: number }> {
    const input = parseInput(reportPeriodQuery, request.query);
    const workspaceId = callerOf(request).workspaceId;
    let from = Date.parse(input.from);
    let to = Date.parse(input.to);
    if (input.from.length === 10 || input.to.length === 10) {
      const { timezone } = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
      if (input.from.length === 10) from = localTimeToUtc(input.from, '00:00', timezone);
      if (input.to.length === 10) to = localTimeToUtc(input.to, '24:00', timezone);
    }
    checkPeriod(from, to);
    await refreshDirty(env(), { workspaceId, limit: READ_REFRESH_LIMIT });
    return { query: { workspaceId, from, to, channelId: input.channelId }, pending: await pendingRefreshes(db, workspaceId) };
  }

  app.get('/api/v1/reports/response-times', read, async (request) => {
    const { query, pending } = await periodOf(request);
    return { ...(await responseTimes(db, dialect, query)), pending };
  });
  app.get('/api/v1/reports/sentiment', read, async (request) => {
    const { query, pending } = await periodOf(request);
    return { ...(await sentimentReport(db, query)), pending };
  });
  app.get('/api/v1/reports/care', read, async (request) => {
    const { query, pending } = await periodOf(request);
    return { ...(await careReport(db, dialect, query)), pending };
  });
  app.get('/api/v1/reports/commerce', read, async (request) => {
    const { query } = await periodOf(request);
    return commerceReport(db, query);
  });

  /** The rows behind a number: `of=conversations|messages|orders` and its filters. */
  app.get('/api/v1/reports/drill', read, async (request) => {
    const { query } = await periodOf(request);
    const { from: _f, to: _t, channelId: _c, offset, limit, ...rest } = request.query as Record<string, string>;
    return drillDown(db, query, parseInput(drillSchema, rest), parseInput(reportPageQuery, { offset, limit }));
  });
  app.get('/api/v1/reports/drill.csv', read, async (request, reply) => {
    const { query } = await periodOf(request);
    const { from: _f, to: _t, channelId: _c, ...rest } = request.query as Record<string, string>;
    const drill = parseInput(drillSchema, rest);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-${drill.of}.csv"`)
      .send(Readable.from(drillCsv(db, query, drill)));
  });

  app.post('/api/v1/reports/exports', read, async (request, reply) => {
    const { query } = await periodOf({ ...request, query: request.body } as FastifyRequest);
    const { from: _f, to: _t, channelId: _c, ...rest } = (request.body ?? {}) as Record<string, unknown>;
    const started = await startExport({ db, clock: deps.inbox.clock, queue: deps.queue }, query, parseInput(drillSchema, rest), callerOf(request).userId ?? null);
    return reply.status(202).send(started);
  });
  app.get('/api/v1/reports/exports/:id', read, async (request) => exportStatus(db, callerOf(request).workspaceId, parseInput(exportParam, request.params).id));
  app.get('/api/v1/reports/exports/:id/download', read, async (request, reply) => {
    const workspaceId = callerOf(request).workspaceId;
    const { id } = parseInput(exportParam, request.params);
    // Checked before the headers go: an unfinished or unknown export is a 409 or 404, not a broken stream.
    const status = await exportStatus(db, workspaceId, id);
    if (status.status !== 'done') throw new AppError('report_export.not_ready', 'The export is not finished yet');
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="relais-export-${id}.csv"`)
      .send(Readable.from(exportChunks(db, workspaceId, id)));
  });

  app.post('/api/v1/reports/rebuild', allow(needs('reports.manage')), async (request) => ({
    conversations: await rebuildReports(env(), callerOf(request).workspaceId),
  }));
}
