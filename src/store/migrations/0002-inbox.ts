import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * What the channels need around messages: their state on the platform (hidden, deleted,
 * edited, with history), the posts comments belong to, the moderation log, and on each
 * conversation the facts send policies read (last customer message, linked post).
 */
export function inboxMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('messages').addColumn('status', 'text', (c) => c.notNull().defaultTo('visible')).execute();
      await db.schema.alterTable('messages').addColumn('edited_at', big).execute();
      // The platform time of the last event applied, so a late, older event cannot undo a newer one.
      await db.schema.alterTable('messages').addColumn('platform_updated_at', big).execute();
      await db.schema.alterTable('messages').addColumn('reply_to_external_id', 'text').execute();

      // What an outbound row does (reply, private reply, hide, …), for whom, and who asked.
      await db.schema.alterTable('outbound').addColumn('action', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema.alterTable('outbound').addColumn('action_type', 'text', (c) => c.notNull().defaultTo('message')).execute();
      await db.schema.alterTable('outbound').addColumn('target_external_id', 'text').execute();
      await db.schema.createIndex('outbound_target_idx').on('outbound').columns(['workspace_id', 'target_external_id', 'action_type']).execute();

      await db.schema.alterTable('conversations').addColumn('post_id', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('last_inbound_at', big).execute();
      await db.schema.alterTable('conversations').addColumn('linked_conversation_id', 'text').execute();

      // Which channel a webhook's page, account or shop id belongs to (a Page and its linked
      // Instagram account are one channel with two ids).
      await db.schema.createTable('channel_routes')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('channel_routes_pk', ['provider', 'account_id'])
        .addForeignKeyConstraint('channel_routes_channel_fk', ['workspace_id', 'channel_id'], 'channels', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();

      await db.schema.createTable('message_revisions')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('message_revisions_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('message_revisions_message_idx').on('message_revisions').columns(['workspace_id', 'message_id']).execute();

      await db.schema.createTable('posts')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('permalink', 'text')
        .addColumn('reactions', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('posts_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('posts_external_uq', ['workspace_id', 'channel_id', 'external_id'])
        .addForeignKeyConstraint('posts_channel_fk', ['workspace_id', 'channel_id'], 'channels', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();

      // Append-only: who hid, unhid or deleted what, when, why, and what it said then.
      await db.schema.createTable('moderation_log')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('hide', 'unhide', 'delete')`))
        .addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('user', 'token', 'rule', 'platform')`))
        .addColumn('actor_id', 'text')
        .addColumn('reason', 'text')
        .addColumn('clause', 'text')
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('moderation_log_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('moderation_log_message_idx').on('moderation_log').columns(['workspace_id', 'message_id']).execute();
      if (dialect.name === 'sqlite') {
        await sql`CREATE TRIGGER moderation_log_append_only_update BEFORE UPDATE ON moderation_log BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER moderation_log_append_only_delete BEFORE DELETE ON moderation_log WHEN (SELECT count(*) FROM workspaces WHERE id = old.workspace_id) > 0 BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END`.execute(db);
      } else {
        await sql`CREATE FUNCTION moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM workspaces WHERE id = OLD.workspace_id) THEN RETURN OLD; END IF;
            RAISE EXCEPTION 'moderation_log is append-only';
          END $$`.execute(db);
        await sql`CREATE TRIGGER moderation_log_append_only BEFORE UPDATE OR DELETE ON moderation_log FOR EACH ROW EXECUTE FUNCTION moderation_log_append_only()`.execute(db);
      }
    },
  };
}
