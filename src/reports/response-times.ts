import { sql, type Db } from '../store/index.ts';
import { roundMs, summarize, type Summary } from './percentile.ts';
import type { ReportQuery } from './report-period.ts';

export interface ResponseTimes {
  from: number;
  to: number;
  /** Conversations whose first customer message is in the period. */
  conversations: number;
  responded: number;
  firstResponse: { calendar: Summary; business: Summary };
}

/**
 * First response times of the conversations whose first customer message is in `[from, to)`
 * (docs/metrics.md). PostgreSQL computes the percentiles itself (`percentile_cont`, the same
 * definition); SQLite hands the durations, read from a covering index, to `summarize`.
 *
 * @example await responseTimes(db, 'postgres', { workspaceId, from, to })
 */
export async function responseTimes(db: Db, dialect: 'sqlite' | 'postgres', query: ReportQuery): Promise<ResponseTimes> {
  const measured = await summarizeColumns(db, dialect, 'report_conversations', 'first_customer_at', ['first_calendar_ms', 'first_business_ms'], query);
  return {
    from: query.from, to: query.to, conversations: measured.rows, responded: measured.counts[0]!,
    firstResponse: { calendar: measured.summaries[0]!, business: measured.summaries[1]! },
  };
}

/**
 * Count, median, p90 and mean of duration columns over a fact table's rows whose `timeColumn`
 * is in the period (nulls are rows without that measure). Shared by every report.
 */
export async function summarizeColumns(
  db: Db, dialect: 'sqlite' | 'postgres', table: 'report_conversations' | 'report_responses', timeColumn: 'first_customer_at' | 'started_at',
  columns: string[], query: ReportQuery, extra?: { column: string; op: '>' | '=' | 'is not'; value: unknown },
): Promise<{ rows: number; counts: number[]; summaries: Summary[] }> {
  const where = sql.join([
    sql`workspace_id = ${query.workspaceId}`, sql`${sql.ref(timeColumn)} >= ${query.from}`, sql`${sql.ref(timeColumn)} < ${query.to}`,
    ...(query.channelId ? [sql`channel_id = ${query.channelId}`] : []),
    ...(extra ? [extra.op === 'is not' ? sql`${sql.ref(extra.column)} is not null` : sql`${sql.ref(extra.column)} ${sql.raw(extra.op)} ${extra.value}`] : []),
  ], sql` and `);
  if (dialect === 'postgres') {
    const parts = columns.flatMap((column, i) => [
      sql`count(${sql.ref(column)}) as ${sql.ref(`c${i}`)}`, sql`percentile_cont(0.5) within group (order by ${sql.ref(column)}) as ${sql.ref(`m${i}`)}`,
      sql`percentile_cont(0.9) within group (order by ${sql.ref(column)}) as ${sql.ref(`p${i}`)}`, sql`avg(${sql.ref(column)}) as ${sql.ref(`a${i}`)}`,
    ]);
    const { rows } = await sql<Record<string, unknown>>`select count(*) as n, ${sql.join(parts)} from ${sql.table(table)} where ${where}`.execute(db);
    const row = rows[0]!;
    const values = [row.n, ...columns.flatMap((_, i) => [row[`c${i}`], row[`m${i}`], row[`p${i}`], row[`a${i}`]])];
    const n = (value: unknown) => (value === null ? null : roundMs(Number(value)));
    return {
      rows: Number(values[0]),
      counts: columns.map((_, i) => Number(values[1 + i * 4])),
      summaries: columns.map((_, i) => ({ medianMs: n(values[2 + i * 4]), p90Ms: n(values[3 + i * 4]), meanMs: n(values[4 + i * 4]) })),
    };
  }
  const { rows } = await sql<Record<string, number | null>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} where ${where}`.execute(db);
  const series = columns.map((column) => {
    const values: number[] = [];
    for (const row of rows) if (row[column] !== null) values.push(Number(row[column]));
    return values;
  });
  return { rows: rows.length, counts: series.map((s) => s.length), summaries: series.map((s) => summarize(s)) };
}
