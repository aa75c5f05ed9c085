import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/** The agents' tools: labels on conversations, canned replies, notes about a contact. */
export function inboxToolsMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('labels')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('labels_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('labels_name_uq', ['workspace_id', 'name'])
        .execute();

      await db.schema.createTable('conversation_labels')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('label_id', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_labels_pk', ['workspace_id', 'conversation_id', 'label_id'])
        .addForeignKeyConstraint('conversation_labels_conversation_fk', ['workspace_id', 'conversation_id'], 'conversations', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addForeignKeyConstraint('conversation_labels_label_fk', ['workspace_id', 'label_id'], 'labels', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('conversation_labels_label_idx').on('conversation_labels').columns(['workspace_id', 'label_id']).execute();

      await db.schema.createTable('canned_replies')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('shortcut', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('canned_replies_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('canned_replies_shortcut_uq', ['workspace_id', 'shortcut'])
        .execute();

      await db.schema.createTable('contact_notes')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_notes_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('contact_notes_contact_fk', ['workspace_id', 'contact_id'], 'contacts', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();
    },
  };
}
