import { sql } from 'kysely';
import type { Db, DialectName } from '../store/index.ts';
import { listTextColumns, quote } from './text-columns.ts';

/** Tables whose rows keep their shape whatever they held: erasure blanks them explicitly. */
const EXPLICIT = new Set(['moderation_log', 'relais_migrations', 'relais_migrations_lock']);

/**
 * The catch-all of an erasure: in every table (of the workspace, or installation-level), any
 * text cell still mentioning one of `needles` is blanked: JSON objects and arrays become
 * `{}` and `[]`, other text becomes NULL or ''. Raw webhook bodies, job payloads (the SQLite
 * `jobs` table, pg-boss's tables), audit data and columns added by later modules all pass here.
 * Answers how many cells changed.
 */
export async function sweepText(db: Db, dialect: DialectName, workspaceId: string, needles: string[]): Promise<number> {
  if (needles.length === 0) return 0;
  let changed = 0;
  for (const table of await listTextColumns(db, dialect)) {
    if (EXPLICIT.has(table.name)) continue;
    const scoped = table.columns.includes('workspace_id') ? sql` AND (workspace_id = ${workspaceId} OR workspace_id IS NULL)` : sql``;
    for (const column of table.textColumns) {
      const cell = column.json ? sql.raw(`${quote(column.name)}::text`) : sql.raw(quote(column.name));
      const contains = (needle: string) => (dialect === 'sqlite' ? sql`instr(lower(${cell}), ${needle}) > 0` : sql`strpos(lower(${cell}), ${needle}) > 0`);
      const matches = sql.join(needles.map(contains), sql` OR `);
      const blank = column.json
        ? sql.raw(`CASE WHEN jsonb_typeof(${quote(column.name)}::jsonb) = 'array' THEN '[]' ELSE '{}' END::${column.json}`)
        : sql`CASE WHEN substr(${cell}, 1, 1) = '{' THEN '{}' WHEN substr(${cell}, 1, 1) = '[' THEN '[]' ELSE ${column.nullable ? sql`NULL` : sql`''`} END`;
      const result = await sql`UPDATE ${sql.raw(table.table)} SET ${sql.raw(quote(column.name))} = ${blank} WHERE (${matches})${scoped}`.execute(db);
      changed += Number(result.numAffectedRows ?? 0);
    }
  }
  return changed;
}
