/** The progress of long work (migration 0013): one row per workspace, kind of work and subject. */
export interface JobProgressTable {
  workspace_id: string;
  /** The job's queue name: `insight.retrain`, `commerce.reconcile`, `channel.backfill`. */
  kind: string;
  /** What the work is about (a channel id), or '' for the whole workspace. */
  subject: string;
  /** A new id per run, so a screen tells a new run from the last one. */
  run_id: string;
  phase: string;
  done: number;
  total: number;
  status: 'running' | 'done' | 'failed';
  error: string | null;
  started_at: number;
  updated_at: number;
  finished_at: number | null;
}
