import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Idempotency keys of the API's send routes (a reply, a move to private): the first request's
 * fingerprint and answer, kept a day, so the same key with the same body answers the same
 * thing and the same key with another body is refused (`idempotency.conflict`).
 */
export function idempotencyMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('idempotency_keys')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('response', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').columns(['created_at']).execute();
    },
  };
}
