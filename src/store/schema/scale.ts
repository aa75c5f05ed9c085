/** Scale mode's tables (migration 0017, ADR 0017). */
export interface RealtimeSequencesTable {
  workspace_id: string;
  seq: number;
}

/** Recent realtime events, kept for replay to a client that reconnects to any instance. */
export interface RealtimeEventsTable {
  workspace_id: string;
  seq: number;
  type: string;
  /** JSON text. */
  data: string;
  at: number;
}

/** One row per periodic job and period: the job that claimed it runs it, others skip. */
export interface PeriodicRunsTable {
  queue: string;
  slot: number;
  job_id: string;
  claimed_at: number;
}
