import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { StoreDialect } from './dialect/dialect.ts';
import { coreMigration } from './migrations/0001-core.ts';
import { inboxMigration } from './migrations/0002-inbox.ts';
import { inboxToolsMigration } from './migrations/0003-inbox-tools.ts';
import { insightMigration } from './migrations/0004-insight.ts';
import { commerceMigration } from './migrations/0008-commerce.ts';
import { privacyMigration } from './migrations/0010-privacy.ts';

/** Migrations in order. Never edit a shipped one; add the next number. */
function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-core': coreMigration(dialect),
    '0002-inbox': inboxMigration(dialect),
    '0003-inbox-tools': inboxToolsMigration(dialect),
    '0004-insight': insightMigration(dialect),
    // 0005–0007 are care rules, routing and the site chat; numbers are reserved in that order.
    '0008-commerce': commerceMigration(dialect),
    '0010-privacy': privacyMigration(dialect),
  };
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; safe to run on every start and from several processes. */
export async function migrateToLatest(db: Kysely<any>, dialect: StoreDialect): Promise<MigrationReport> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({ db, provider, migrationTableName: 'relais_migrations', migrationLockTableName: 'relais_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
