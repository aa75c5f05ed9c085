import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { StoreDialect } from './dialect/dialect.ts';
import { coreMigration } from './migrations/0001-core.ts';
import { inboxMigration } from './migrations/0002-inbox.ts';
import { inboxToolsMigration } from './migrations/0003-inbox-tools.ts';
import { insightMigration } from './migrations/0004-insight.ts';
import { careRulesMigration } from './migrations/0005-care-rules.ts';
import { routingMigration } from './migrations/0006-routing.ts';
import { webchatMigration } from './migrations/0007-webchat.ts';
import { commerceMigration } from './migrations/0008-commerce.ts';
import { contactEmailMigration } from './migrations/0009-contact-email.ts';
import { privacyMigration } from './migrations/0010-privacy.ts';
import { publishingMigration } from './migrations/0014-publishing.ts';
import { idempotencyMigration } from './migrations/0011-idempotency.ts';
import { throttlesMigration } from './migrations/0012-throttles.ts';
import { contestsMigration } from './migrations/0015-contests.ts';
import { scaleMigration } from './migrations/0017-scale.ts';
import { reportsMigration } from './migrations/0016-reports.ts';
import { tokensAndProgressMigration } from './migrations/0013-tokens-and-progress.ts';
import { publishingCalendarMigration } from './migrations/0022-publishing-calendar.ts';
import { webhooksMigration } from './migrations/0018-webhooks.ts';
import { reportDurationsMigration } from './migrations/0020-report-durations.ts';
import { inboxListMigration } from './migrations/0021-inbox-list.ts';
import { reportDurationsExactMigration } from './migrations/0026-report-durations-exact.ts';

/** Migrations in order. Never edit a shipped one; add the next number. */
function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-core': coreMigration(dialect),
    '0002-inbox': inboxMigration(dialect),
    '0003-inbox-tools': inboxToolsMigration(dialect),
    '0004-insight': insightMigration(dialect),
    '0005-care-rules': careRulesMigration(dialect),
    '0006-routing': routingMigration(dialect),
    '0007-webchat': webchatMigration(dialect),
    '0008-commerce': commerceMigration(dialect),
    '0009-contact-email': contactEmailMigration(dialect),
    '0010-privacy': privacyMigration(dialect),
    '0011-idempotency': idempotencyMigration(dialect),
    '0012-throttles': throttlesMigration(dialect),
    '0015-contests': contestsMigration(dialect),
    '0014-publishing': publishingMigration(dialect),
    '0017-scale': scaleMigration(dialect),
    '0016-reports': reportsMigration(dialect),
    '0013-tokens-and-progress': tokensAndProgressMigration(dialect),
    '0022-publishing-calendar': publishingCalendarMigration(),
    '0018-webhooks': webhooksMigration(dialect),
    '0020-report-durations': reportDurationsMigration(dialect),
    '0021-inbox-list': inboxListMigration(dialect),
    '0026-report-durations-exact': reportDurationsExactMigration(),
  };
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; safe to run on every start and from several processes. */
export async function migrateToLatest(db: Kysely<any>, dialect: StoreDialect): Promise<MigrationReport> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Numbers are reserved per feature and land in any order (0008 shipped before 0005–0007):
  // an installation already past a later number still gets an earlier one that arrives after.
  const migrator = new Migrator({ db, provider, migrationTableName: 'relais_migrations', migrationLockTableName: 'relais_migrations_lock', allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
