import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Classification on every inbound message (language, sentiment, intents), rolled up to the
 * conversation (latest and worst), the team's corrections, and each workspace's model.
 */
export function insightMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('messages').addColumn('language', 'text').execute();
      await db.schema.alterTable('messages').addColumn('sentiment', 'text').execute();
      await db.schema.alterTable('messages').addColumn('sentiment_score', 'real').execute();
      await db.schema.alterTable('messages').addColumn('intents', 'text').execute();
      await db.schema.alterTable('messages').addColumn('classified_by', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('sentiment', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('worst_sentiment', 'text').execute();
      await db.schema.createIndex('conversations_sentiment_idx').on('conversations').columns(['workspace_id', 'sentiment', 'last_message_at']).execute();

      await db.schema.createTable('classification_corrections')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('sentiment', 'text')
        .addColumn('intents', 'text')
        .addColumn('author_id', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('classification_corrections_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('classification_corrections_message_uq', ['workspace_id', 'message_id'])
        .execute();

      await db.schema.createTable('workspace_models')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('examples', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('trained_at', big, (c) => c.notNull())
        .execute();
    },
  };
}
