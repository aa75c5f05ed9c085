/**
 * Bulk loading for the scale benches, as a real import would do it: on its own connection,
 * with the loaded tables' secondary indexes and triggers set aside during the load and put
 * back after (the indexes built once, SQLite's full-text index rebuilt from the rows), rows
 * written with one prepared statement in large transactions (SQLite) or as column arrays
 * through `unnest` (PostgreSQL, 20,000 rows a statement).
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Store } from '../src/store/index.ts';

type Row = Record<string, unknown>;

export interface BulkLoader {
  /** Writes rows (all with the same keys) in one transaction. */
  insert(table: string, rows: Row[]): Promise<void>;
  /** Puts the indexes and triggers back, rebuilds what they would have kept, and closes. */
  finish(): Promise<{ rebuildSeconds: number }>;
}

export async function openBulkLoader(store: Store, tables: string[]): Promise<BulkLoader> {
  return store.target.kind === 'sqlite' ? sqliteLoader(store.target.file, tables) : postgresLoader(store.target.url, tables);
}

function sqliteLoader(file: string, tables: string[]): BulkLoader {
  const db = new SqliteDatabase(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const names = tables.map((t) => `'${t}'`).join(', ');
  // Indexes made by CREATE INDEX (not the primary keys and unique constraints, sql is null), and triggers.
  const setAside = db.prepare(`select type, name, sql from sqlite_master where tbl_name in (${names}) and ((type = 'index' and sql is not null) or type = 'trigger')`).all() as { type: string; name: string; sql: string }[];
  for (const item of setAside) db.exec(`drop ${item.type} ${item.name}`);
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const key = `${table}(${columns.join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
        statements.set(key, statement);
      }
      const run = statement;
      db.transaction(() => { for (const row of rows) run.run(row); })();
    },
    async finish() {
      const started = performance.now();
      for (const item of setAside.filter((i) => i.type === 'index')) db.exec(item.sql);
      for (const item of setAside.filter((i) => i.type === 'trigger')) db.exec(item.sql);
      if (tables.includes('messages')) db.exec(`insert into messages_fts(messages_fts) values ('rebuild')`);
      db.close();
      return { rebuildSeconds: (performance.now() - started) / 1000 };
    },
  };
}

async function postgresLoader(url: string, tables: string[]): Promise<BulkLoader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`set maintenance_work_mem = '256MB'`);
  // Indexes that back no constraint, dropped now and created again after the load.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i where i.schemaname = current_schema() and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [tables]);
  for (const index of indexes) await client.query(`drop index ${index.indexname}`);
  for (const table of tables) await client.query(`alter table ${table} disable trigger user`);
  const types = new Map<string, string>();
  const { rows: columns } = await client.query<{ table_name: string; column_name: string; udt_name: string }>(
    'select table_name, column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = any($1)', [tables]);
  for (const c of columns) types.set(`${c.table_name}.${c.column_name}`, c.udt_name);
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const names = Object.keys(rows[0]!);
      await client.query('begin');
      for (let i = 0; i < rows.length; i += 20_000) {
        const slice = rows.slice(i, i + 20_000);
        const arrays = names.map((name) => slice.map((row) => row[name] ?? null));
        const casts = names.map((name, n) => `$${n + 1}::${types.get(`${table}.${name}`) ?? 'text'}[]`);
        await client.query(`insert into ${table} (${names.join(', ')}) select * from unnest(${casts.join(', ')})`, arrays);
      }
      await client.query('commit');
    },
    async finish() {
      const started = performance.now();
      for (const index of indexes) await client.query(index.indexdef);
      for (const table of tables) await client.query(`alter table ${table} enable trigger user`);
      await client.end();
      return { rebuildSeconds: (performance.now() - started) / 1000 };
    },
  };
}
