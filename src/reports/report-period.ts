import { AppError } from '../kernel/index.ts';
import { sql, type Db } from '../store/index.ts';
import { localHourKey } from './conversation-facts.ts';

/** A report's period `[from, to)` and scope, as every report takes it. */
export interface ReportQuery {
  workspaceId: string;
  from: number;
  to: number;
  channelId?: string | undefined;
}

const YEAR_AND_A_DAY = 367 * 86_400_000;

/** Refuses periods the reports are not built for: empty, reversed or longer than a year. */
export function checkPeriod(from: number, to: number): void {
  if (!(to > from)) throw new AppError('request.invalid', '`to` must be after `from`', { fields: { to: ['not after from'] } });
  if (to - from > YEAR_AND_A_DAY) throw new AppError('request.invalid', 'At most one year per report', { fields: { to: ['more than a year after from'] } });
}

export async function workspaceTimeZone(db: Db, workspaceId: string): Promise<string> {
  const row = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirst();
  return row?.timezone ?? 'Europe/Paris';
}

/**
 * Rollup rows are per local hour: a period selects the hours whose local start is in it,
 * exact when `from` and `to` fall on whole local hours (the console always asks so).
 */
export function rollupRange(from: number, to: number, timeZone: string) {
  const [fromDay, fromHour] = localHourKey(from, timeZone).split('|') as [string, string];
  const [toDay, toHour] = localHourKey(to, timeZone).split('|') as [string, string];
  return { fromDay, fromHour: Number(fromHour), toDay, toHour: Number(toHour) };
}

/** The rollup rows of a period and scope. */
export function rollupRows(db: Db, query: ReportQuery, timeZone: string) {
  const r = rollupRange(query.from, query.to, timeZone);
  // A per-day row (hour −1, the agents') counts as its day's first hour.
  const hour = sql<number>`(case when hour < 0 then 0 else hour end)`;
  let q = db.selectFrom('report_daily').where('workspace_id', '=', query.workspaceId)
    .where((eb) => eb.or([eb('day', '>', r.fromDay), eb.and([eb('day', '=', r.fromDay), eb(hour, '>=', r.fromHour)])]))
    .where((eb) => eb.or([eb('day', '<', r.toDay), eb.and([eb('day', '=', r.toDay), eb(hour, '<', r.toHour)])]));
  if (query.channelId) q = q.where('channel_id', '=', query.channelId);
  return q;
}
