import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Automation rules and what they did: the rules (current version) and every version ever
 * saved, one firing per event and rule version (unique, so a retried job never applies a
 * rule twice), the notifications rules send to people, and versioned workspace settings
 * (the moderation charter, the brand voice).
 */
export function careRulesMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('rules')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addPrimaryKeyConstraint('rules_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('rules_event_idx').on('rules').columns(['workspace_id', 'event', 'position']).execute();

      await db.schema.createTable('rule_versions')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addPrimaryKeyConstraint('rule_versions_pk', ['workspace_id', 'rule_id', 'version'])
        .execute();

      await db.schema.createTable('rule_firings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('event_key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('rule_version', 'integer', (c) => c.notNull())
        .addColumn('rule_name', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('actions', 'text', (c) => c.notNull())
        .addColumn('outcomes', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('completed_at', big)
        .addPrimaryKeyConstraint('rule_firings_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('rule_firings_once_uq', ['workspace_id', 'event_key', 'rule_id', 'rule_version'])
        .execute();
      await db.schema.createIndex('rule_firings_rule_idx').on('rule_firings').columns(['workspace_id', 'rule_id', 'created_at']).execute();
      await db.schema.createIndex('rule_firings_message_idx').on('rule_firings').columns(['workspace_id', 'message_id']).execute();

      await db.schema.createTable('notifications')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text')
        .addColumn('message_id', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('read_at', big)
        .addPrimaryKeyConstraint('notifications_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('notifications_once_uq', ['workspace_id', 'user_id', 'source_key'])
        .execute();
      await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['workspace_id', 'user_id', 'created_at']).execute();

      // Append-only versions; the current value is the highest version of a key.
      await db.schema.createTable('workspace_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addPrimaryKeyConstraint('workspace_settings_pk', ['workspace_id', 'key', 'version'])
        .execute();
    },
  };
}
