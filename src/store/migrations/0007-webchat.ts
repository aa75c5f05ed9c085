import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * The site chat: each anonymous visitor a widget has met (its identity, verified or not, and
 * both sides' read marks), and the files visitors attach. Files are kept in the database as
 * base64 (a few megabytes at most), so every `relais serve` instance can serve them.
 */
export function webchatMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('webchat_visitors')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('identity_status', 'text', (c) => c.notNull().defaultTo('anonymous'))
        .addColumn('email', 'text')
        .addColumn('name', 'text')
        .addColumn('customer_id', 'text')
        .addColumn('cart_token', 'text')
        .addColumn('visitor_read_at', big)
        .addColumn('agent_read_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('webchat_visitors_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('webchat_visitors_contact_idx').on('webchat_visitors').columns(['workspace_id', 'contact_id']).execute();
      await db.schema.createIndex('webchat_visitors_customer_idx').on('webchat_visitors').columns(['workspace_id', 'customer_id']).execute();

      await db.schema.createTable('webchat_uploads')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('visitor_id', 'text', (c) => c.notNull())
        .addColumn('access_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('webchat_uploads_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('webchat_uploads_id_idx').on('webchat_uploads').columns(['id']).unique().execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('webchat_uploads').execute();
      await db.schema.dropTable('webchat_visitors').execute();
    },
  };
}
