/**
 * store: the Kysely database on SQLite (embedded default) or PostgreSQL (scale), its
 * migrations, and full-text search over message text behind one interface.
 */
export { openStore, type Store, type Db, type StoreTarget } from './store.ts';
export { createThreadLockMemory, threadLock, type ThreadLock } from './thread-lock.ts';
export { refreshStatistics } from './statistics.ts';
export type { SearchHit, DialectName, StoreDialect } from './dialect/dialect.ts';
export { SEARCH_DEPTH } from './dialect/dialect.ts';
export type * from './schema.ts';
export { sql, type Transaction, type RawBuilder } from 'kysely';
export { isDatabaseUnavailable, isUniqueViolation } from './errors.ts';
export { REDACTED_SNAPSHOT } from './migrations/0010-privacy.ts';
export { ROLLUP_COUNTERS } from './migrations/0016-reports.ts';
export { DURATION_BLOCK_DAYS, DURATION_MEASURES, type DurationMeasure } from './migrations/0020-report-durations.ts';
export { BACKLOG_MEASURE, DURATION_BOUNDS, rebuildDurationsFromFacts } from './migrations/0026-report-durations-exact.ts';
