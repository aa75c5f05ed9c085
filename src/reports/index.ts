/**
 * reports: the figures an owner trusts (docs/metrics.md, ADR 0016). One fact row per
 * conversation and per answered wait, computed from raw rows by one pure function, and
 * rollups per workspace, local day and hour, channel, kind and agent, moved by the
 * difference whenever a conversation changes (database triggers mark it dirty, the
 * `reports.refresh` job and every report read recompute it). Reads: response times, care,
 * sentiment (raw and adjusted for the classifier's confusion), social commerce, drill-downs
 * and CSV exports (streamed, or as a job for long ones).
 */
export { computeFacts, localHourKey, PLATFORM_RESPONDER, type ConversationFacts, type FactInput, type FactMessage, type Contributions } from './conversation-facts.ts';
export { refreshDirty, refreshConversations, rebuildReports, pendingRefreshes, type ReportsDeps } from './refresh-reports.ts';
export { percentileOfSorted, summarize, type Summary } from './percentile.ts';
export { checkPeriod, type ReportQuery } from './report-period.ts';
export { responseTimes, type ResponseTimes } from './response-times.ts';
export { careReport, type CareReport } from './care-report.ts';
export { sentimentReport, workspaceConfusion, confusionWithCorrections, type SentimentReport } from './sentiment-report.ts';
export { adjustShares, adjustedShareWithInterval, confusionRates, type ConfusionCounts, type Triple } from './adjust-share.ts';
export { commerceReport, type CommerceReport } from './commerce-report.ts';
export { drillDown, drillSchema, type DrillRequest, type DrillPage } from './drill-down.ts';
export { csvLine } from './csv.ts';
export { drillCsv, startExport, runExport, exportStatus, exportChunks, EXPORT_QUEUE, exportJob } from './export-report.ts';

export { REFRESH_QUEUE, reportsJobs } from './jobs.ts';
export { sendWeeklySummaries, WEEKLY_QUEUE } from './weekly-summary.ts';
