import { sql } from 'kysely';
import type { Db, DialectName } from '../store/index.ts';

export interface TableColumns {
  /** Schema-qualified and quoted, ready for SQL. */
  table: string;
  name: string;
  textColumns: { name: string; nullable: boolean; json: 'json' | 'jsonb' | null }[];
  columns: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table of the database and its text-like columns, read from the catalogue, so tables
 * other modules add later are covered without a line here. SQLite: the FTS index's virtual
 * and shadow tables are left to the dialect. PostgreSQL: the public schema and pg-boss's.
 */
export async function listTextColumns(db: Db, dialect: DialectName): Promise<TableColumns[]> {
  if (dialect === 'sqlite') {
    const tables = await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
    const virtual = tables.rows.filter((t) => /CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
    const out: TableColumns[] = [];
    for (const table of tables.rows) {
      if (virtual.includes(table.name) || virtual.some((v) => table.name.startsWith(`${v}_`))) continue;
      const info = await sql<{ name: string; type: string; notnull: number }>`SELECT name, type, "notnull" FROM pragma_table_info(${table.name})`.execute(db);
      out.push({
        table: quote(table.name), name: table.name, columns: info.rows.map((c) => c.name),
        textColumns: info.rows.filter((c) => /text|char|clob|json/i.test(c.type)).map((c) => ({ name: c.name, nullable: c.notnull === 0, json: null })),
      });
    }
    return out;
  }
  const columns = await sql<{ table_schema: string; table_name: string; column_name: string; data_type: string; is_nullable: string; is_generated: string }>`
    SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.is_nullable, c.is_generated
    FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema IN (current_schema(), 'pgboss') AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_schema, c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, TableColumns>();
  for (const column of columns.rows) {
    const key = `${column.table_schema}.${column.table_name}`;
    const entry = byTable.get(key) ?? { table: `${quote(column.table_schema)}.${quote(column.table_name)}`, name: column.table_name, columns: [], textColumns: [] };
    entry.columns.push(column.column_name);
    if (['text', 'character varying', 'json', 'jsonb'].includes(column.data_type) && column.is_generated !== 'ALWAYS') {
      entry.textColumns.push({ name: column.column_name, nullable: column.is_nullable === 'YES', json: column.data_type === 'json' || column.data_type === 'jsonb' ? column.data_type : null });
    }
    byTable.set(key, entry);
  }
  return [...byTable.values()];
}

export { quote };
