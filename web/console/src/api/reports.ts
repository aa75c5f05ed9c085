// The reports of docs/api.md ("Reports"); the shapes are the contracts' (src/contracts).
import type { CareAnswer, CareReport, CommerceReport, DrillPage, ReportExport, SentimentAnswer, SentimentReport } from '../../../../src/contracts/index.ts';
import { request } from './client.ts';

export type { CareReport, CommerceReport, DrillPage, SentimentReport };

export interface Period {
  /** Local dates of the workspace, `to` included. */
  from: string;
  to: string;
}

export type ExportStatus = ReportExport;

const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const getCareReport = (p: Period) => request<CareAnswer>('GET', `/api/v1/reports/care?${q({ ...p })}`);
export const getSentimentReport = (p: Period) => request<SentimentAnswer>('GET', `/api/v1/reports/sentiment?${q({ ...p })}`);
export const getCommerceReport = (p: Period) => request<CommerceReport>('GET', `/api/v1/reports/commerce?${q({ ...p })}`);

/** What a number opens: the conversations behind a response-time figure. */
export interface ConversationDrill {
  of: 'conversations';
  metric: 'first_response' | 'resolution' | 'unanswered' | 'reopened' | 'answered_by_automation' | 'within_sla' | 'waiting';
  mode: 'calendar' | 'business';
  minMs?: number;
}

export const getDrill = (p: Period, drill: ConversationDrill, offset = 0) =>
  request<DrillPage>('GET', `/api/v1/reports/drill?${q({ ...p, ...drill, offset, limit: 50 })}`);
export const startExport = (p: Period, drill: ConversationDrill) => request<{ id: string }>('POST', '/api/v1/reports/exports', { ...p, ...drill });
export const getExport = (id: string) => request<ExportStatus>('GET', `/api/v1/reports/exports/${encodeURIComponent(id)}`);
export const exportDownloadUrl = (id: string) => `/api/v1/reports/exports/${encodeURIComponent(id)}/download`;
