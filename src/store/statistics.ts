import { sql } from 'kysely';
import type { Db } from './store.ts';

/** A table is analyzed again once this many rows plus `STALE_SHARE` of its rows have changed (autovacuum's defaults). */
const STALE_ROWS = 50;
const STALE_SHARE = 0.1;

/**
 * PostgreSQL without autovacuum (some installations turn it off; this project's CI machine
 * does): the tables whose planner statistics are missing or stale are analyzed, as autovacuum
 * would. Without statistics the planner takes a growing table for a tiny one and may read a
 * look-up by platform id through an index on its first columns only, filtering every row of
 * the channel: a thread's look-up took 0.5–0.8 ms at 1,250 conversations, and the cost grows with
 * the table (ADR 0028). pg-boss's tables (schema `pgboss`) are included: its fetch reads them.
 * Does nothing when autovacuum is on, or on SQLite. Answers the tables analyzed.
 */
export async function refreshStatistics(db: Db, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  if (dialect !== 'postgres') return [];
  const { rows: [setting] } = await sql<{ autovacuum: string }>`SELECT current_setting('autovacuum') AS autovacuum`.execute(db);
  if (setting?.autovacuum !== 'off') return [];
  const { rows } = await sql<{ schema: string; table: string }>`
    SELECT s.schemaname AS schema, s.relname AS table FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE (s.schemaname = ANY (current_schemas(false)) OR s.schemaname = 'pgboss')
      AND (s.last_analyze IS NULL AND s.n_mod_since_analyze > 0 OR s.n_mod_since_analyze > ${STALE_ROWS} + ${STALE_SHARE} * greatest(c.reltuples, 0))
    ORDER BY s.n_mod_since_analyze DESC`.execute(db);
  for (const row of rows) await sql`ANALYZE ${sql.id(row.schema, row.table)}`.execute(db);
  return rows.map((row) => row.table);
}
