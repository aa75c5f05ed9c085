// The reports of docs/api.md ("Reports"); the shapes are the server's own types.
import type { CareReport, CommerceReport, DrillPage, SentimentReport } from '../../../../src/reports/index.ts';
import { request } from './client.ts';

export type { CareReport, CommerceReport, DrillPage, SentimentReport };

export interface Period {
  /** Local dates of the workspace, `to` included. */
  from: string;
  to: string;
}

export interface ExportStatus {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  rowsDone: number;
  rowsTotal: number;
  error: string | null;
}

const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const getCareReport = (p: Period) => request<CareReport & { pending: number }>('GET', `/api/v1/reports/care?${q({ ...p })}`);
export const getSentimentReport = (p: Period) => request<SentimentReport & { pending: number }>('GET', `/api/v1/reports/sentiment?${q({ ...p })}`);
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
