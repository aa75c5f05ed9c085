import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DURATION_BLOCK_DAYS, DURATION_MEASURES, rebuildDurationsFromFacts as rebuildWithFirstBounds } from './0020-report-durations.ts';

/**
 * Upper bounds (exclusive, in ms) of the duration buckets: below zero (never, durations are
 * not negative), exactly zero, under 1 s, then four buckets per doubling up to about two
 * years; a last bucket holds everything above. Zero has its own bucket because business
 * time is often zero (an answer written before the team opens), and a percentile falling
 * among those zeros is then known from the counts alone, with no walk through the index
 * (migration 0020 had zero in "under 1 s"). Integers, so the bucket of a duration is the
 * same in JavaScript and in SQL.
 */
export const DURATION_BOUNDS: readonly number[] = [0, 1, ...Array.from({ length: 105 }, (_, i) => Math.round(1000 * 2 ** (i / 4)))];

/**
 * The backlog counter kept beside the histograms: per workspace and channel, how many
 * conversations wait now (`waiting_since` set), under measure `waiting`, span 0, day 0,
 * bucket 0. It is not a period's figure, so no report sums it with the spans 1 and 16.
 */
export const BACKLOG_MEASURE = 'waiting';

const DAY_MS = 86_400_000;

/** A duration's bucket as SQL: the number of bounds at or below it. */
function bucketSql(column: string): RawBuilder<number> {
  const ref = sql.ref(column);
  return sql<number>`(case ${sql.join(DURATION_BOUNDS.map((bound, i) => sql`when ${ref} < ${sql.lit(bound)} then ${sql.lit(i)}`), sql` `)} else ${sql.lit(DURATION_BOUNDS.length)} end)`;
}

/**
 * Recomputes `report_durations` (histograms and backlog counter) from the fact tables with
 * one statement per measure, for one workspace or all (this migration, and a bulk import
 * after loading facts). The refresh keeps it up to date afterwards by differences.
 */
export async function rebuildDurationsFromFacts(db: Kysely<any>, workspaceId?: string): Promise<void> {
  let clear = db.deleteFrom('report_durations');
  if (workspaceId) clear = clear.where('workspace_id', '=', workspaceId);
  await clear.execute();
  const only = workspaceId ? sql`and workspace_id = ${workspaceId}` : sql``;
  for (const m of DURATION_MEASURES) {
    const value = m.column ? sql.ref(m.column) : sql`0`;
    const where = sql.join([
      sql`${sql.ref(m.time)} is not null`,
      ...(m.column ? [sql`${sql.ref(m.column)} is not null`] : []),
      ...(m.table === 'report_responses' ? [sql`cycle > 0`] : []),
    ], sql` and `);
    const bucket = m.column ? bucketSql(m.column) : sql`0`;
    await sql`insert into report_durations (workspace_id, measure, span, day, channel_id, bucket, n, total_ms)
      select workspace_id, ${m.measure}, 1, ${sql.ref(m.time)} / ${sql.lit(DAY_MS)}, channel_id, ${bucket}, count(*), sum(${value})
      from ${sql.table(m.table)} where ${where} ${only}
      group by workspace_id, ${sql.ref(m.time)} / ${sql.lit(DAY_MS)}, channel_id${m.column ? sql`, ${bucket}` : sql``}`.execute(db);
  }
  await sql`insert into report_durations (workspace_id, measure, span, day, channel_id, bucket, n, total_ms)
    select workspace_id, measure, ${sql.lit(DURATION_BLOCK_DAYS)}, day / ${sql.lit(DURATION_BLOCK_DAYS)}, channel_id, bucket, sum(n), sum(total_ms)
    from report_durations where span = 1 ${only}
    group by workspace_id, measure, day / ${sql.lit(DURATION_BLOCK_DAYS)}, channel_id, bucket`.execute(db);
  await sql`insert into report_durations (workspace_id, measure, span, day, channel_id, bucket, n, total_ms)
    select workspace_id, ${BACKLOG_MEASURE}, 0, 0, channel_id, 0, count(*), 0
    from report_conversations where waiting_since is not null ${only}
    group by workspace_id, channel_id`.execute(db);
}

/**
 * Issue 17, the care report over a year of a million conversations: the zero bucket (see
 * `DURATION_BOUNDS`) and the backlog counter, both rebuilt here from the facts; the oldest
 * waiting conversation of one channel found at the start of an index; and the volumes per
 * channel and kind summed in the order of an index (SQLite otherwise sorts a year's 50,000
 * hourly rows to group them).
 */
export function reportDurationsExactMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('report_conversations_waiting_channel_idx').on('report_conversations').columns(['workspace_id', 'channel_id', 'waiting_since']).execute();
      await db.schema.createIndex('report_daily_channel_idx').on('report_daily').columns(['workspace_id', 'agent_id', 'channel_id', 'kind', 'day', 'hour', 'conversations', 'customer_messages']).execute();
      await rebuildDurationsFromFacts(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('report_daily_channel_idx').ifExists().execute();
      await db.schema.dropIndex('report_conversations_waiting_channel_idx').ifExists().execute();
      await rebuildWithFirstBounds(db);
    },
  };
}
