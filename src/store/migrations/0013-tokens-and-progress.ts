import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * API tokens get a scope (what kind of route they may call, on top of their role), an
 * optional expiry and the address of their last use; existing tokens keep everything their
 * role allows (`admin`). `job_progress` holds the progress of long work (retraining,
 * reconciliation, back-fill), one row per kind of work and subject, overwritten by each run.
 */
export function tokensAndProgressMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('api_tokens')
        .addColumn('scope', 'text', (c) => c.notNull().defaultTo('admin').check(sql`scope in ('read', 'write', 'admin')`))
        .execute();
      await db.schema.alterTable('api_tokens').addColumn('expires_at', big).execute();
      await db.schema.alterTable('api_tokens').addColumn('last_used_ip', 'text').execute();

      await db.schema.createTable('job_progress')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        // What the work is about (a channel id), or '' for the workspace as a whole.
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'failed')`))
        .addColumn('error', 'text')
        .addColumn('started_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('finished_at', big)
        .addPrimaryKeyConstraint('job_progress_pk', ['workspace_id', 'kind', 'subject'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('job_progress').execute();
      await db.schema.alterTable('api_tokens').dropColumn('last_used_ip').execute();
      await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
      await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
    },
  };
}
