import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.ts';
import { SEARCH_DEPTH, searchWords, type SearchHit, type StoreDialect } from './dialect/dialect.ts';
import { sqliteDialect } from './dialect/sqlite.ts';
import { postgresDialect } from './dialect/postgres.ts';
import { migrateToLatest, type MigrationReport } from './migrate.ts';
import { withThreadLock, type ThreadLock } from './thread-lock.ts';
import { withPreparedStatements } from './pg-prepared.ts';

export type Db = Kysely<Database>;

export type StoreTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

/** The database and what differs per dialect, opened once by the composition root. */
export interface Store {
  db: Db;
  dialect: StoreDialect;
  target: StoreTarget;
  migrate(): Promise<MigrationReport>;
  /** Full-text search over message text, scoped to one workspace. */
  searchMessages(workspaceId: string, query: string, limit?: number): Promise<SearchHit[]>;
  /**
   * The workspace's conversations mentioning every word of `query`, found in its
   * `SEARCH_DEPTH` newest matching messages; `cappedAt` is that depth when more messages
   * match (the list then holds the conversations of the newest ones), else null. Null for no words.
   */
  conversationsMatching(workspaceId: string, query: string): Promise<{ ids: string[]; cappedAt: number | null } | null>;
  ping(): Promise<void>;
  /**
   * The embedded processing thread's store: 0 when the HTTP thread is not waiting for SQLite's
   * write lock, else how many writes (webhook acknowledgements) wait behind it, so that a long
   * writer commits what it has done and lets them in. Always 0 elsewhere.
   */
  writersWaiting(): number;
  /** The HTTP thread's store: how many writes wait for its next turn at the lock (see `writersWaiting`). */
  announceWaitingWrites(writes: number): void;
  /** The HTTP thread's store: how many webhook deliveries a second it has lately recorded. */
  announceIntakeRate(perSecond: number): void;
  /** The processing thread's store: the rate the HTTP thread last announced (0 elsewhere). */
  intakeRate(): number;
  close(): Promise<void>;
}

const INT8_OID = 20;

/**
 * Opens SQLite (WAL, synchronous=NORMAL, busy timeout, foreign keys) or a PostgreSQL pool.
 *
 * @example const store = openStore({ kind: 'sqlite', file: 'data/relais.sqlite' });
 */
export function openStore(target: StoreTarget, options: { threadLock?: ThreadLock; checkpoints?: boolean } = {}): Store {
  const { db, dialect } = target.kind === 'sqlite' ? openSqlite(target.file, options.threadLock, options.checkpoints ?? true) : openPostgres(target.url, target.schema);
  return {
    db,
    dialect,
    target,
    migrate: () => migrateToLatest(db, dialect),
    async searchMessages(workspaceId, query, limit = 50) {
      const words = searchWords(query);
      if (words.length === 0) return [];
      return dialect.searchMessages(db, workspaceId, words, Math.min(Math.max(limit, 1), 200));
    },
    async conversationsMatching(workspaceId, query) {
      const words = searchWords(query);
      if (words.length === 0) return null;
      // One message past the depth tells whether there were more.
      const hits = await dialect.newestMatches(db, workspaceId, words, SEARCH_DEPTH + 1);
      return { ids: [...new Set(hits.slice(0, SEARCH_DEPTH))], cappedAt: hits.length > SEARCH_DEPTH ? SEARCH_DEPTH : null };
    },
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    writersWaiting: () => options.threadLock?.othersWaiting() ?? 0,
    announceWaitingWrites: (writes) => options.threadLock?.announce(writes),
    announceIntakeRate: (perSecond) => options.threadLock?.announceRate(perSecond),
    intakeRate: () => options.threadLock?.rate() ?? 0,
    close: () => db.destroy(),
  };
}

function openSqlite(file: string, lock: ThreadLock | undefined, checkpoints: boolean): { db: Db; dialect: StoreDialect } {
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // The commit that fills the WAL copies it into the file (a checkpoint, up to hundreds of ms):
  // the HTTP thread of `relais start` leaves that to the processing thread's connection.
  if (!checkpoints) database.pragma('wal_autocheckpoint = 0');
  const config = { database: withStatementCache(database) };
  // Two threads on the file (embedded processing thread): each query or transaction takes turns.
  const kyselyDialect = lock
    ? new (class extends SqliteDialect { override createDriver() { return withThreadLock(super.createDriver(), lock); } })(config)
    : new SqliteDialect(config);
  return { db: new Kysely<Database>({ dialect: kyselyDialect }), dialect: sqliteDialect };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, and preparing
 * was a tenth of the webhook path's time. Queries are built from a few hundred shapes, so a
 * bounded cache keyed by the SQL text holds them all.
 */
function withStatementCache(database: SqliteDatabase.Database, limit = 1000): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = database.prepare.bind(database);
  return Object.assign(Object.create(database) as SqliteDatabase.Database, {
    prepare(source: string) {
      // Kysely opens transactions with a plain `begin`: taken IMMEDIATE, a transaction waits
      // for the write lock up front (busy timeout) instead of failing with SQLITE_BUSY when
      // another connection (the processing thread) wrote between its first read and write.
      if (source === 'begin') source = 'begin immediate';
      let statement = cache.get(source);
      if (!statement) {
        statement = prepare(source);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(source, statement);
      }
      return statement;
    },
    close: () => database.close(),
  });
}

function openPostgres(url: string, schema: string | undefined): { db: Db; dialect: StoreDialect } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A database that is down or restarting fails a request in two seconds (503), not minutes.
    connectionTimeoutMillis: 2000,
    // Times are epoch milliseconds in bigint columns: read them back as numbers.
    types: { getTypeParser: (oid: number, format?: any) => (oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection killed by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) }), dialect: postgresDialect };
}
