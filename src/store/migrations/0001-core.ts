import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * The core schema. Every workspace-owned table is keyed by `workspace_id` first, so the
 * data can later be sharded by workspace. `users`, `sessions`, `inbound_events` and `jobs`
 * are installation-level: a person, a browser, a delivery not yet routed, a job.
 */
export function coreMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Installation-wide settings; the 'setup' row makes first-run setup happen once.
      await db.schema.createTable('installation_settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await db.schema.createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr'))
        .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();

      await db.schema.createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('password_changed_at', big, (c) => c.notNull())
        .execute();

      await db.schema.createTable('memberships')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'admin', 'agent', 'community_manager')`))
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
        .execute();
      await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

      await db.schema.createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('set null'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('last_seen_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await db.schema.createTable('invitations')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'admin', 'agent', 'community_manager')`))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('accepted_at', big)
        .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('revoked_at', big)
        .addPrimaryKeyConstraint('invitations_pk', ['workspace_id', 'id'])
        .execute();

      await db.schema.createTable('api_tokens')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'admin', 'agent', 'community_manager')`))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('last_used_at', big)
        .addColumn('revoked_at', big)
        .addPrimaryKeyConstraint('api_tokens_pk', ['workspace_id', 'id'])
        .execute();

      await db.schema.createTable('channels')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('secrets', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('channels_pk', ['workspace_id', 'id'])
        .execute();
      // A webhook names a page, account or shop: that id routes it to exactly one channel.
      await db.schema.createIndex('channels_route_idx').on('channels').columns(['kind', 'external_id']).unique()
        .where(sql.ref('external_id'), 'is not', null).execute();

      await db.schema.createTable('contacts')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('avatar_url', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('contacts_email_idx').on('contacts').columns(['workspace_id', 'email']).execute();

      await db.schema.createTable('identities')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('handle', 'text')
        .addColumn('display_name', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('identities_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('identities_external_uq', ['workspace_id', 'channel_id', 'external_id'])
        .addForeignKeyConstraint('identities_contact_fk', ['workspace_id', 'contact_id'], 'contacts', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addForeignKeyConstraint('identities_channel_fk', ['workspace_id', 'channel_id'], 'channels', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('identities_contact_idx').on('identities').columns(['workspace_id', 'contact_id']).execute();

      await db.schema.createTable('conversations')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('public', 'private')`))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'pending', 'snoozed', 'resolved')`))
        .addColumn('external_thread_id', 'text')
        .addColumn('subject', 'text')
        .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('snoozed_until', big)
        .addColumn('last_message_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('conversations_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('conversations_channel_fk', ['workspace_id', 'channel_id'], 'channels', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addForeignKeyConstraint('conversations_contact_fk', ['workspace_id', 'contact_id'], 'contacts', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('conversations_thread_uq').on('conversations').columns(['workspace_id', 'channel_id', 'external_thread_id']).unique()
        .where(sql.ref('external_thread_id'), 'is not', null).execute();
      await db.schema.createIndex('conversations_inbox_idx').on('conversations').columns(['workspace_id', 'status', 'last_message_at']).execute();
      await db.schema.createIndex('conversations_assignee_idx').on('conversations').columns(['workspace_id', 'assignee_id', 'status']).execute();

      let messages: CreateTableBuilder<'messages', any> = db.schema.createTable('messages');
      messages = dialect.messagesSeqColumn() === 'sqlite-rowid'
        ? messages.addColumn('seq', 'integer', (c) => c.primaryKey())
        : messages.addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().notNull().unique());
      messages = messages
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('in', 'out')`))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('message', 'comment', 'note')`))
        .addColumn('author_type', 'text', (c) => c.notNull().check(sql`author_type in ('contact', 'user', 'brand', 'bot')`))
        .addColumn('author_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('platform_created_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addForeignKeyConstraint('messages_conversation_fk', ['workspace_id', 'conversation_id'], 'conversations', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'));
      messages = dialect.messagesSeqColumn() === 'sqlite-rowid'
        ? messages.addUniqueConstraint('messages_key', ['workspace_id', 'id'])
        : messages.addPrimaryKeyConstraint('messages_pk', ['workspace_id', 'id']);
      await messages.execute();
      await db.schema.createIndex('messages_thread_idx').on('messages').columns(['workspace_id', 'conversation_id', 'created_at']).execute();
      await db.schema.createIndex('messages_external_uq').on('messages').columns(['workspace_id', 'channel_id', 'external_id']).unique()
        .where(sql.ref('external_id'), 'is not', null).execute();
      await dialect.createMessageSearch(db);

      await db.schema.createTable('inbound_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
        .addColumn('channel_id', 'text')
        .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('received').check(sql`status in ('received', 'processed', 'parked', 'ignored')`))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('received_at', big, (c) => c.notNull())
        .addColumn('processed_at', big)
        .addUniqueConstraint('inbound_events_dedupe_uq', ['provider', 'dedupe_key'])
        .execute();
      await db.schema.createIndex('inbound_events_status_idx').on('inbound_events').columns(['status', 'received_at']).execute();

      await db.schema.createTable('outbound')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued').check(sql`state in ('queued', 'sending', 'sent', 'failed')`))
        .addColumn('failure_kind', 'text', (c) => c.check(sql`failure_kind in ('transient', 'rate_limited', 'auth', 'permanent')`))
        .addColumn('failure_reason', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('platform_id', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('sent_at', big)
        .addPrimaryKeyConstraint('outbound_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('outbound_idempotency_uq', ['workspace_id', 'idempotency_key'])
        .addForeignKeyConstraint('outbound_message_fk', ['workspace_id', 'message_id'], 'messages', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('outbound_platform_idx').on('outbound').columns(['workspace_id', 'channel_id', 'platform_id']).execute();

      await db.schema.createTable('audit_log')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('ip', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_log_pk', ['workspace_id', 'id'])
        .execute();

      await db.schema.createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('queue', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'running', 'done', 'dead')`))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('backoff_ms', 'integer', (c) => c.notNull())
        .addColumn('run_at', big, (c) => c.notNull())
        .addColumn('locked_until', big)
        .addColumn('singleton_key', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
      await db.schema.createIndex('jobs_singleton_uq').on('jobs').columns(['queue', 'singleton_key']).unique()
        .where(sql<boolean>`singleton_key is not null and state in ('queued', 'running')`).execute();
    },
  };
}
