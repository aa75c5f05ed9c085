/**
 * Exact percentiles at scale (ADR 0016, issue 17). `report_durations` counts each measure's
 * durations per UTC day (and block of 16 days), channel and bucket (zero, under 1 s, then
 * four per doubling). A period's percentile is found in three steps, all exact to the
 * millisecond: the whole blocks and days inside it are summed from the histogram, the
 * partial days at its ends are read from the fact tables, and the bucket holding the wanted
 * rank is found by the counts. When every duration of that bucket is its lower bound (its
 * sum says so: the zeros of business time), that is the value; otherwise the bucket is read
 * in order through the measure's own index, skipping the durations below that rank. The
 * mean is the histogram's sum over its count. The same table keeps the backlog counter.
 */
import { BACKLOG_MEASURE, DURATION_BLOCK_DAYS, DURATION_BOUNDS, DURATION_MEASURES, sql, type Db, type DurationMeasure } from '../store/index.ts';
import { roundMs, type Summary } from './percentile.ts';
import type { ReportQuery } from './report-period.ts';

const DAY_MS = 86_400_000;

/** The bucket of a duration: how many bounds are at or below it (the migration's SQL says the same). */
export function bucketOf(ms: number): number {
  let low = 0;
  let high = DURATION_BOUNDS.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (DURATION_BOUNDS[mid]! <= ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Histogram key `measure|span|day|channel|bucket` → how many durations and their sum, to add. */
export type DurationDelta = Map<string, { n: number; total: number }>;

export interface ConversationDurations {
  channel_id: string;
  first_customer_at: number | null;
  first_calendar_ms: number | null;
  first_business_ms: number | null;
  resolution_calendar_ms: number | null;
  resolution_business_ms: number | null;
  waiting_since: number | null;
}

export interface ResponseDurations {
  channel_id: string;
  cycle: number;
  started_at: number;
  calendar_ms: number;
  business_ms: number;
}

function add(delta: DurationDelta, measure: DurationMeasure, at: number, channelId: string, value: number | null, sign: 1 | -1) {
  if (value === null) return;
  const day = Math.floor(at / DAY_MS);
  const bucket = measure === 'conversations' ? 0 : bucketOf(value);
  for (const key of [`${measure}|1|${day}|${channelId}|${bucket}`, `${measure}|${DURATION_BLOCK_DAYS}|${Math.floor(day / DURATION_BLOCK_DAYS)}|${channelId}|${bucket}`]) {
    const entry = delta.get(key) ?? { n: 0, total: 0 };
    entry.n += sign;
    entry.total += sign * value;
    delta.set(key, entry);
  }
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Moves the histograms by one conversation's fact row (sign −1: its stored row, +1: the new one). */
export function moveConversationDurations(delta: DurationDelta, row: ConversationDurations, sign: 1 | -1): void {
  if (row.waiting_since !== null) {
    const key = `${BACKLOG_MEASURE}|0|0|${row.channel_id}|0`;
    const entry = delta.get(key) ?? { n: 0, total: 0 };
    entry.n += sign;
    delta.set(key, entry);
  }
  const at = num(row.first_customer_at);
  if (at === null) return;
  add(delta, 'conversations', at, row.channel_id, 0, sign);
  add(delta, 'first_calendar', at, row.channel_id, num(row.first_calendar_ms), sign);
  add(delta, 'first_business', at, row.channel_id, num(row.first_business_ms), sign);
  add(delta, 'resolution_calendar', at, row.channel_id, num(row.resolution_calendar_ms), sign);
  add(delta, 'resolution_business', at, row.channel_id, num(row.resolution_business_ms), sign);
}

/** Moves the histograms by one answered wait (only next responses, cycle > 0, are kept there). */
export function moveResponseDurations(delta: DurationDelta, row: ResponseDurations, sign: 1 | -1): void {
  if (Number(row.cycle) === 0) return;
  const at = Number(row.started_at);
  add(delta, 'next_calendar', at, row.channel_id, Number(row.calendar_ms), sign);
  add(delta, 'next_business', at, row.channel_id, Number(row.business_ms), sign);
}

/** Adds each key's count and sum to its histogram row (created at zero when new). */
export async function applyDurationDelta(trx: Db, workspaceId: string, delta: DurationDelta): Promise<void> {
  const rows = [...delta].filter(([, v]) => v.n !== 0 || v.total !== 0).map(([key, v]) => {
    const [measure, span, day, channel_id, bucket] = key.split('|') as [string, string, string, string, string];
    return { workspace_id: workspaceId, measure, span: Number(span), day: Number(day), channel_id, bucket: Number(bucket), n: v.n, total_ms: v.total };
  });
  for (let i = 0; i < rows.length; i += 200) {
    await trx.insertInto('report_durations').values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['workspace_id', 'measure', 'span', 'day', 'channel_id', 'bucket'])
        .doUpdateSet({ n: sql`report_durations.n + excluded.n`, total_ms: sql`report_durations.total_ms + excluded.total_ms` })).execute();
  }
}

export interface DurationFigures {
  count: number;
  summary: Summary;
}

const specOf = (measure: DurationMeasure) => DURATION_MEASURES.find((m) => m.measure === measure)!;

/**
 * Count, median, p90 (linear interpolation, type 7, as docs/metrics.md) and mean of each
 * measure over the cohort instants in `[from, to)` (and the channel when given), exact.
 */
export async function durationFigures(db: Db, dialect: 'sqlite' | 'postgres', query: ReportQuery, measures: DurationMeasure[]): Promise<Map<DurationMeasure, DurationFigures>> {
  const firstDay = Math.ceil(query.from / DAY_MS);
  const lastDay = Math.floor(query.to / DAY_MS);
  const whole = firstDay < lastDay;
  const edges: [number, number][] = whole
    ? [[query.from, firstDay * DAY_MS], [lastDay * DAY_MS, query.to]].filter(([a, b]) => a! < b!) as [number, number][]
    : [[query.from, query.to]];
  // Per measure: bucket → [count, sum].
  const histograms = new Map<DurationMeasure, Map<number, [number, number]>>(measures.map((m) => [m, new Map()]));
  const count = (measure: DurationMeasure, bucket: number, n: number, total: number) => {
    const h = histograms.get(measure)!;
    const entry = h.get(bucket) ?? [0, 0];
    entry[0] += n;
    entry[1] += total;
    h.set(bucket, entry);
  };

  // Whole blocks of 16 days, then the whole days around them: [span, first, end).
  const ranges: [number, number, number][] = [];
  if (whole) {
    const firstBlock = Math.ceil(firstDay / DURATION_BLOCK_DAYS);
    const lastBlock = Math.floor(lastDay / DURATION_BLOCK_DAYS);
    if (firstBlock < lastBlock) {
      ranges.push([DURATION_BLOCK_DAYS, firstBlock, lastBlock], [1, firstDay, firstBlock * DURATION_BLOCK_DAYS], [1, lastBlock * DURATION_BLOCK_DAYS, lastDay]);
    } else ranges.push([1, firstDay, lastDay]);
  }
  const tables = [...new Set(measures.map((m) => specOf(m).table))];
  await Promise.all([
    ...ranges.filter(([, a, b]) => a < b).map(async ([span, a, b]) => {
      let q = db.selectFrom('report_durations').select(['measure', 'bucket', sql<number>`sum(n)`.as('n'), sql<number>`sum(total_ms)`.as('total')])
        .where('workspace_id', '=', query.workspaceId).where('measure', 'in', measures).where('span', '=', span).where('day', '>=', a).where('day', '<', b);
      if (query.channelId) q = q.where('channel_id', '=', query.channelId);
      for (const row of await q.groupBy(['measure', 'bucket']).execute()) count(row.measure as DurationMeasure, Number(row.bucket), Number(row.n), Number(row.total));
    }),
    ...tables.flatMap((table) => edges.map(async ([a, b]) => {
      const own = measures.filter((m) => specOf(m).table === table);
      const time = specOf(own[0]!).time;
      const columns = own.map((m) => specOf(m).column).filter((c): c is NonNullable<typeof c> => c !== null);
      const where = sql.join([
        sql`workspace_id = ${query.workspaceId}`, sql`${sql.ref(time)} >= ${a}`, sql`${sql.ref(time)} < ${b}`,
        ...(query.channelId ? [sql`channel_id = ${query.channelId}`] : []),
        ...(table === 'report_responses' ? [sql`cycle > 0`] : []),
      ], sql` and `);
      const { rows } = await sql<Record<string, unknown>>`select ${sql.join([sql.ref(time), ...columns.map((c) => sql.ref(c))])} from ${sql.table(table)} where ${where}`.execute(db);
      for (const row of rows) {
        for (const m of own) {
          const column = specOf(m).column;
          if (column === null) count(m, 0, 1, 0);
          else if (row[column] !== null) count(m, bucketOf(Number(row[column])), 1, Number(row[column]));
        }
      }
    })),
  ]);

  const out = new Map<DurationMeasure, DurationFigures>();
  await Promise.all(measures.map(async (measure) => {
    const buckets = [...histograms.get(measure)!].filter(([, [n]]) => n > 0).sort((x, y) => x[0] - y[0]);
    let n = 0;
    let total = 0;
    for (const [, [c, s]] of buckets) { n += c; total += s; }
    const spec = specOf(measure);
    if (n === 0 || spec.column === null) {
      out.set(measure, { count: n, summary: { medianMs: null, p90Ms: null, meanMs: null } });
      return;
    }
    const percentile = async (p: number) => {
      const h = (n - 1) * p;
      const low = Math.floor(h);
      const [at, next] = await valuesFrom(db, dialect, query, spec, buckets, low);
      const high = low + 1 < n ? next! : at;
      return roundMs(at + (h - low) * (high - at));
    };
    const [medianMs, p90Ms] = await Promise.all([percentile(0.5), percentile(0.9)]);
    out.set(measure, { count: n, summary: { medianMs, p90Ms, meanMs: roundMs(total / n) } });
  }));
  return out;
}

/**
 * The value of every duration in a bucket when its count and sum show they all equal its
 * lower bound (each is at least that bound, so a sum of n × bound leaves no other way):
 * in practice the zeros of business time. Null otherwise, or when the sum is too large for
 * a JavaScript number to hold exactly.
 */
function uniformValue(bucket: number, count: number, total: number): number | null {
  if (bucket === 0) return null;
  const lower = DURATION_BOUNDS[bucket - 1]!;
  return Number.isSafeInteger(total) && total === count * lower ? lower : null;
}

/** The durations at ranks `rank` and `rank + 1` (0-based, ascending) of a measure in the period. */
async function valuesFrom(
  db: Db, dialect: 'sqlite' | 'postgres', query: ReportQuery, spec: (typeof DURATION_MEASURES)[number], buckets: [number, [number, number]][], rank: number,
): Promise<[number, number | null]> {
  let before = 0;
  let index = buckets.length - 1;
  for (const [i, [, [c]]] of buckets.entries()) {
    if (rank < before + c) { index = i; break; }
    before += c;
  }
  const [bucket, [count, total]] = buckets[index]!;
  const same = uniformValue(bucket, count, total);
  if (same === null) return readBucket(db, dialect, query, spec, bucket, rank - before);
  if (rank + 1 < before + count) return [same, same];
  const following = buckets[index + 1];
  if (!following) return [same, null];
  const [nextBucket, [nextCount, nextTotal]] = following;
  return [same, uniformValue(nextBucket, nextCount, nextTotal) ?? (await readBucket(db, dialect, query, spec, nextBucket, 0))[0]];
}

/** The durations `offset` and `offset + 1` of a bucket and onwards, in order, through the measure's index. */
async function readBucket(
  db: Db, dialect: 'sqlite' | 'postgres', query: ReportQuery, spec: (typeof DURATION_MEASURES)[number], bucket: number, offset: number,
): Promise<[number, number | null]> {
  const column = spec.column!;
  const lower = bucket === 0 ? Number.MIN_SAFE_INTEGER : DURATION_BOUNDS[bucket - 1]!;
  const where = sql.join([
    sql`workspace_id = ${query.workspaceId}`, sql`${sql.ref(column)} >= ${lower}`, sql`${sql.ref(spec.time)} >= ${query.from}`, sql`${sql.ref(spec.time)} < ${query.to}`,
    ...(query.channelId ? [sql`channel_id = ${query.channelId}`] : []),
    ...(spec.table === 'report_responses' ? [sql`cycle > 0`] : []),
  ], sql` and `);
  // SQLite has no statistics to prefer this index over the time one: name it.
  const from = dialect === 'sqlite' ? sql`${sql.table(spec.table)} indexed by ${sql.raw(`${spec.table}_${column}_idx`)}` : sql.table(spec.table);
  const { rows } = await sql<{ v: unknown }>`select ${sql.ref(column)} as v from ${from} where ${where} order by ${sql.ref(column)} limit 2 offset ${offset}`.execute(db);
  if (rows.length === 0) throw new Error(`report_durations out of step with ${spec.table} (${spec.measure}): rebuild the reports`);
  return [Number(rows[0]!.v), rows[1] ? Number(rows[1].v) : null];
}

/**
 * How many conversations wait now and since when the oldest (docs/metrics.md, backlog), in
 * the whole workspace or one channel: the count from the counter the refresh keeps, the
 * oldest from the start of an index.
 */
export async function backlogOf(db: Db, workspaceId: string, channelId?: string): Promise<{ waiting: number; oldestWaitingSince: number | null }> {
  let counter = db.selectFrom('report_durations').select(sql<number>`sum(n)`.as('n'))
    .where('workspace_id', '=', workspaceId).where('measure', '=', BACKLOG_MEASURE).where('span', '=', 0).where('day', '=', 0);
  let oldest = db.selectFrom('report_conversations').select((eb) => eb.fn.min('waiting_since').as('at'))
    .where('workspace_id', '=', workspaceId).where('waiting_since', 'is not', null);
  if (channelId) {
    counter = counter.where('channel_id', '=', channelId);
    oldest = oldest.where('channel_id', '=', channelId);
  }
  const [count, first] = await Promise.all([counter.executeTakeFirst(), oldest.executeTakeFirst()]);
  return { waiting: Number(count?.n ?? 0), oldestWaitingSince: first?.at == null ? null : Number(first.at) };
}
