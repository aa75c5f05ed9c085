import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Upper bounds (exclusive, in ms) of the duration buckets: under 1 s, then four buckets per
 * doubling up to about two years; a last bucket holds everything above. Integers, so the
 * bucket of a duration is the same in JavaScript and in SQL.
 */
export const DURATION_BOUNDS: readonly number[] = Array.from({ length: 105 }, (_, i) => Math.round(1000 * 2 ** (i / 4)));

/** The duration measures kept in `report_durations`, and the fact column each comes from. */
export const DURATION_MEASURES = [
  { measure: 'conversations', table: 'report_conversations', time: 'first_customer_at', column: null },
  { measure: 'first_calendar', table: 'report_conversations', time: 'first_customer_at', column: 'first_calendar_ms' },
  { measure: 'first_business', table: 'report_conversations', time: 'first_customer_at', column: 'first_business_ms' },
  { measure: 'resolution_calendar', table: 'report_conversations', time: 'first_customer_at', column: 'resolution_calendar_ms' },
  { measure: 'resolution_business', table: 'report_conversations', time: 'first_customer_at', column: 'resolution_business_ms' },
  { measure: 'next_calendar', table: 'report_responses', time: 'started_at', column: 'calendar_ms' },
  { measure: 'next_business', table: 'report_responses', time: 'started_at', column: 'business_ms' },
] as const;

export type DurationMeasure = (typeof DURATION_MEASURES)[number]['measure'];

const DAY_MS = 86_400_000;
/** Days per block: each duration counts in its day's row (span 1) and its block's (span 16). */
export const DURATION_BLOCK_DAYS = 16;

/** A duration's bucket as SQL: the number of bounds at or below it. */
function bucketSql(column: string): RawBuilder<number> {
  const ref = sql.ref(column);
  return sql<number>`(case ${sql.join(DURATION_BOUNDS.map((bound, i) => sql`when ${ref} < ${sql.lit(bound)} then ${sql.lit(i)}`), sql` `)} else ${sql.lit(DURATION_BOUNDS.length)} end)`;
}

/**
 * Recomputes `report_durations` from the fact tables with one statement per measure, for one
 * workspace or all (the migration, and a bulk import after loading facts). The refresh keeps
 * it up to date afterwards by differences.
 */
export async function rebuildDurationsFromFacts(db: Kysely<any>, workspaceId?: string): Promise<void> {
  let clear = db.deleteFrom('report_durations');
  if (workspaceId) clear = clear.where('workspace_id', '=', workspaceId);
  await clear.execute();
  for (const m of DURATION_MEASURES) {
    const value = m.column ? sql.ref(m.column) : sql`0`;
    const where = sql.join([
      sql`${sql.ref(m.time)} is not null`,
      ...(m.column ? [sql`${sql.ref(m.column)} is not null`] : []),
      ...(m.table === 'report_responses' ? [sql`cycle > 0`] : []),
      ...(workspaceId ? [sql`workspace_id = ${workspaceId}`] : []),
    ], sql` and `);
    const bucket = m.column ? bucketSql(m.column) : sql`0`;
    await sql`insert into report_durations (workspace_id, measure, span, day, channel_id, bucket, n, total_ms)
      select workspace_id, ${m.measure}, 1, ${sql.ref(m.time)} / ${sql.lit(DAY_MS)}, channel_id, ${bucket}, count(*), sum(${value})
      from ${sql.table(m.table)} where ${where}
      group by workspace_id, ${sql.ref(m.time)} / ${sql.lit(DAY_MS)}, channel_id${m.column ? sql`, ${bucket}` : sql``}`.execute(db);
  }
  await sql`insert into report_durations (workspace_id, measure, span, day, channel_id, bucket, n, total_ms)
    select workspace_id, measure, ${sql.lit(DURATION_BLOCK_DAYS)}, day / ${sql.lit(DURATION_BLOCK_DAYS)}, channel_id, bucket, sum(n), sum(total_ms)
    from report_durations where span = 1 ${workspaceId ? sql`and workspace_id = ${workspaceId}` : sql``}
    group by workspace_id, measure, day / ${sql.lit(DURATION_BLOCK_DAYS)}, channel_id, bucket`.execute(db);
}

/**
 * Duration histograms for exact percentiles at scale (ADR 0016, issue 17): per workspace,
 * measure, UTC day of the cohort instant (and block of 16 days), channel and duration
 * bucket, how many durations and their sum. A report counts whole blocks and days here, reads the partial days at its ends from
 * the fact tables, finds the bucket holding each percentile's rank, and reads the exact
 * values at that rank through the per-duration indexes added here.
 */
export function reportDurationsMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('report_durations')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('span', 'integer', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('n', big, (c) => c.notNull().defaultTo(0))
        .addColumn('total_ms', big, (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('report_durations_pk', ['workspace_id', 'measure', 'span', 'day', 'channel_id', 'bucket'])
        .execute();
      // The value at a rank: walk one duration's index from the bucket's lower bound.
      for (const column of ['first_calendar_ms', 'first_business_ms', 'resolution_calendar_ms', 'resolution_business_ms']) {
        await db.schema.createIndex(`report_conversations_${column}_idx`).on('report_conversations').columns(['workspace_id', column, 'first_customer_at', 'channel_id']).execute();
      }
      for (const column of ['calendar_ms', 'business_ms']) {
        await db.schema.createIndex(`report_responses_${column}_idx`).on('report_responses').columns(['workspace_id', column, 'started_at', 'cycle', 'channel_id']).execute();
      }
      // Covering indexes for the rollup sums of a period: the volumes and sentiment (rows without
      // an agent), and the per-agent responses, read without touching the wide rows.
      await db.schema.createIndex('report_daily_volume_idx').on('report_daily').columns(['workspace_id', 'agent_id', 'day', 'hour', 'channel_id', 'kind',
        'conversations', 'customer_messages', 'bot_first', 'reopenings', 'positive', 'neutral', 'negative', 'agent_positive', 'agent_neutral', 'agent_negative']).execute();
      await db.schema.createIndex('report_daily_agent_idx').on('report_daily').columns(['workspace_id', 'agent_id', 'day', 'hour',
        'first_responses', 'first_calendar_ms', 'first_business_ms', 'within_sla', 'next_responses', 'next_calendar_ms', 'next_business_ms']).execute();
      await rebuildDurationsFromFacts(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const name of ['report_daily_volume_idx', 'report_daily_agent_idx']) await db.schema.dropIndex(name).ifExists().execute();
      for (const column of ['first_calendar_ms', 'first_business_ms', 'resolution_calendar_ms', 'resolution_business_ms']) await db.schema.dropIndex(`report_conversations_${column}_idx`).ifExists().execute();
      for (const column of ['calendar_ms', 'business_ms']) await db.schema.dropIndex(`report_responses_${column}_idx`).ifExists().execute();
      await db.schema.dropTable('report_durations').ifExists().execute();
    },
  };
}
