/** Idempotency keys of the send routes (migration 0011). */

/** One key's first request: `status` null while it runs, then its answer as JSON text. */
export interface IdempotencyKeysTable {
  workspace_id: string;
  key: string;
  fingerprint: string;
  status: number | null;
  response: string | null;
  created_at: number;
}
