import type { Generated } from 'kysely';

/** Reports (migration 0016): facts per conversation and per answered wait, rollups, and what feeds them. */
export interface ReportDirtyTable {
  workspace_id: string;
  conversation_id: string;
}

/** Every status change of a conversation, written by a trigger (`at` is the row's `updated_at`). */
export interface ConversationStatusChangesTable {
  workspace_id: string;
  conversation_id: string;
  at: number;
  from_status: string;
  to_status: string;
}

export interface ReportConversationsTable {
  workspace_id: string;
  conversation_id: string;
  channel_id: string;
  kind: 'public' | 'private';
  status: string;
  assignee_id: string | null;
  first_customer_at: number | null;
  first_response_at: number | null;
  /** A user id, or 'platform' for a reply written natively on the network. */
  first_responder_id: string | null;
  first_calendar_ms: number | null;
  first_business_ms: number | null;
  within_sla: number;
  bot_first: number;
  resolved_at: number | null;
  resolution_calendar_ms: number | null;
  resolution_business_ms: number | null;
  reopenings: number;
  /** The customer message still waiting for a reply, when the conversation is not resolved. */
  waiting_since: number | null;
  /** JSON: this conversation's share of each rollup row, so a refresh moves rollups by the difference. */
  contrib: string;
  refreshed_at: number;
}

/** One answered wait: cycle 0 is the first response, 1… the next responses. */
export interface ReportResponsesTable {
  workspace_id: string;
  conversation_id: string;
  cycle: number;
  channel_id: string;
  started_at: number;
  answered_at: number;
  responder_id: string;
  calendar_ms: number;
  business_ms: number;
}

export interface ReportDailyTable {
  workspace_id: string;
  day: string;
  hour: number;
  channel_id: string;
  kind: string;
  agent_id: string;
  conversations: Generated<number>;
  customer_messages: Generated<number>;
  positive: Generated<number>;
  neutral: Generated<number>;
  negative: Generated<number>;
  agent_positive: Generated<number>;
  agent_neutral: Generated<number>;
  agent_negative: Generated<number>;
  first_responses: Generated<number>;
  first_calendar_ms: Generated<number>;
  first_business_ms: Generated<number>;
  within_sla: Generated<number>;
  bot_first: Generated<number>;
  next_responses: Generated<number>;
  next_calendar_ms: Generated<number>;
  next_business_ms: Generated<number>;
  resolved: Generated<number>;
  resolution_calendar_ms: Generated<number>;
  resolution_business_ms: Generated<number>;
  reopenings: Generated<number>;
}

/** Migration 0020: how many durations of a measure fall in a bucket, per UTC day and channel, and their sum. */
export interface ReportDurationsTable {
  workspace_id: string;
  measure: string;
  /** 1: `day` is a day; 16: `day` is a block of 16 days (day number ÷ 16). */
  span: number;
  /** UTC day number of the cohort instant: floor(ms since 1970 ÷ 86,400,000). */
  day: number;
  channel_id: string;
  bucket: number;
  n: Generated<number>;
  total_ms: Generated<number>;
}

export interface ReportExportsTable {
  workspace_id: string;
  id: string;
  requested_by: string | null;
  /** JSON: the period, scope and drill-down request. */
  request: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  rows_done: number;
  rows_total: number;
  error: string | null;
  created_at: number;
  updated_at: number;
}

export interface ReportExportChunksTable {
  workspace_id: string;
  export_id: string;
  seq: number;
  data: string;
}
