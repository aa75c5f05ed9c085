import { createPace, defineJob, definePeriodicJob, LONG_RUN, type JobDefinition } from '../jobs/index.ts';
import { exportJob, runExport } from './export-report.ts';
import { refreshDirty, type ReportsDeps } from './refresh-reports.ts';
import { sendWeeklySummaries, WEEKLY_QUEUE, type WeeklySummaryDeps } from './weekly-summary.ts';

export const REFRESH_QUEUE = 'reports.refresh';

/**
 * Reports' jobs: conversations the triggers marked dirty are recomputed and the rollups moved
 * (every minute); long CSV exports; the weekly summary (offered hourly).
 */
export function reportsJobs(deps: ReportsDeps & WeeklySummaryDeps): JobDefinition<any>[] {
  return [
    definePeriodicJob({ name: REFRESH_QUEUE, everyMs: 60_000, work: LONG_RUN, handler: () => refreshDirty(deps, { pace: createPace() }) }),
    defineJob({ ...exportJob, work: LONG_RUN, handler: (payload) => runExport(deps, payload) }),
    definePeriodicJob({ name: WEEKLY_QUEUE, everyMs: 60 * 60_000, work: LONG_RUN, handler: () => sendWeeklySummaries(deps) }),
  ];
}
