import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/** The snapshot a redacted moderation-log row keeps: the row stays, what it quoted goes. */
export const REDACTED_SNAPSHOT = '{"redacted":true}';

/**
 * Cart recovery settings per workspace, the customer's opt-out on the contact, stored privacy
 * exports, and the one way the append-only moderation log may change: an erasure blanks a
 * row's snapshot (and its free-text reason) and leaves everything else as it was.
 */
export function privacyMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('recovery_settings')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('delay_minutes', 'integer', (c) => c.notNull().defaultTo(60))
        .addColumn('template_fr', 'text', (c) => c.notNull())
        .addColumn('template_en', 'text', (c) => c.notNull())
        .addColumn('promo_percent', 'integer')
        .addColumn('promo_expiry_days', 'integer', (c) => c.notNull().defaultTo(7))
        .addColumn('quiet_start', 'text', (c) => c.notNull().defaultTo('21:00'))
        .addColumn('quiet_end', 'text', (c) => c.notNull().defaultTo('09:00'))
        .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
        // Attribution: an order this many days after a conversation counts as conversation-assisted.
        .addColumn('attribution_days', 'integer', (c) => c.notNull().defaultTo(3))
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await db.schema.alterTable('contacts').addColumn('opted_out_at', big).execute();
      await db.schema.alterTable('contacts').addColumn('opt_out_source', 'text').execute();

      await db.schema.createTable('privacy_exports')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('contact_ids', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('privacy_exports_pk', ['workspace_id', 'id'])
        .execute();

      const redactionOnly = (n: string, o: string) => `${n}.snapshot = '${REDACTED_SNAPSHOT}'
        AND ${n}.workspace_id IS NOT DISTINCT FROM ${o}.workspace_id AND ${n}.id IS NOT DISTINCT FROM ${o}.id
        AND ${n}.message_id IS NOT DISTINCT FROM ${o}.message_id AND ${n}.conversation_id IS NOT DISTINCT FROM ${o}.conversation_id
        AND ${n}.action IS NOT DISTINCT FROM ${o}.action AND ${n}.actor_type IS NOT DISTINCT FROM ${o}.actor_type
        AND ${n}.actor_id IS NOT DISTINCT FROM ${o}.actor_id AND ${n}.clause IS NOT DISTINCT FROM ${o}.clause
        AND ${n}.created_at IS NOT DISTINCT FROM ${o}.created_at AND (${n}.reason IS NULL OR ${n}.reason IS NOT DISTINCT FROM ${o}.reason)`;
      if (dialect.name === 'sqlite') {
        // SQLite spells IS NOT DISTINCT FROM as IS.
        const condition = redactionOnly('new', 'old').replaceAll('IS NOT DISTINCT FROM', 'IS');
        await sql`DROP TRIGGER moderation_log_append_only_update`.execute(db);
        await sql.raw(`CREATE TRIGGER moderation_log_append_only_update BEFORE UPDATE ON moderation_log
          WHEN NOT (${condition}) BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END`).execute(db);
      } else {
        await sql.raw(`CREATE OR REPLACE FUNCTION moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM workspaces WHERE id = OLD.workspace_id) THEN RETURN OLD; END IF;
            IF TG_OP = 'UPDATE' AND (${redactionOnly('NEW', 'OLD')}) THEN RETURN NEW; END IF;
            RAISE EXCEPTION 'moderation_log is append-only';
          END $$`).execute(db);
      }
    },
  };
}
