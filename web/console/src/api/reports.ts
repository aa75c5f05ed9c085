// The reports of docs/api.md ("Reports"); the shapes are the contracts' (src/contracts).
import type { CareAnswer, CareReport, CommerceReport, ConversationDrill, DrillPage, ReportExport, ReportPeriod, SentimentAnswer, SentimentReport } from '../../../../src/contracts/index.ts';
import { request } from './client.ts';

export type { CareReport, CommerceReport, ConversationDrill, DrillPage, SentimentReport };

/** Local dates of the workspace (`to` included), or instants; and a channel to narrow to. */
export type Period = ReportPeriod;

export type ExportStatus = ReportExport;

const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const getCareReport = (p: Period) => request<CareAnswer>('GET', `/api/v1/reports/care?${q({ ...p })}`);
export const getSentimentReport = (p: Period) => request<SentimentAnswer>('GET', `/api/v1/reports/sentiment?${q({ ...p })}`);
export const getCommerceReport = (p: Period) => request<CommerceReport>('GET', `/api/v1/reports/commerce?${q({ ...p })}`);

export const getDrill = (p: Period, drill: ConversationDrill, offset = 0) =>
  request<DrillPage>('GET', `/api/v1/reports/drill?${q({ ...p, ...drill, offset, limit: 50 })}`);
export const startExport = (p: Period, drill: ConversationDrill) => request<{ id: string }>('POST', '/api/v1/reports/exports', { ...p, ...drill });
export const getExport = (id: string) => request<ExportStatus>('GET', `/api/v1/reports/exports/${encodeURIComponent(id)}`);
export const exportDownloadUrl = (id: string) => `/api/v1/reports/exports/${encodeURIComponent(id)}/download`;
