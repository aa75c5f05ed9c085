import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Scale mode (ADR 0017). Realtime sequences live in the database, so every `serve` instance
 * numbers a workspace's events from one counter and any of them can replay what a client
 * missed; `periodic_runs` lets any number of workers run each periodic job once per period.
 * Both tables exist in SQLite too (one schema), where the memory bus and one worker ignore them.
 */
export function scaleMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('realtime_sequences')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', big, (c) => c.notNull())
        .execute();
      await db.schema.createTable('realtime_events')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('seq', big, (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('realtime_events_pk', ['workspace_id', 'seq'])
        .execute();
      await db.schema.createTable('periodic_runs')
        .addColumn('queue', 'text', (c) => c.notNull())
        .addColumn('slot', big, (c) => c.notNull())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('claimed_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('periodic_runs_pk', ['queue', 'slot'])
        .execute();
    },
  };
}
