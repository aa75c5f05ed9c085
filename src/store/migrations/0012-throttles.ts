import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Throttle counters in the database (docs/adr/0012): an attempt is counted before the
 * password is checked, by one atomic upsert per key, and survives a restart.
 */
export function throttlesMigration(dialect: StoreDialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('throttle_counters')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', dialect.bigint, (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('throttle_counters_window_idx').on('throttle_counters').column('window_start').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('throttle_counters').execute();
    },
  };
}
