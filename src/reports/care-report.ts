import { sql, type Db } from '../store/index.ts';
import { PLATFORM_RESPONDER } from './conversation-facts.ts';
import { type Summary } from './percentile.ts';
import { rollupRows, workspaceTimeZone, type ReportQuery } from './report-period.ts';
import { backlogOf, durationFigures, type DurationFigures } from './durations.ts';

export interface Timing {
  count: number;
  calendar: Summary;
  business: Summary;
}

export interface AgentRow {
  /** A user id, or 'platform' (replies written on the network itself). */
  agentId: string;
  name: string;
  firstResponses: number;
  firstResponseMeanMs: { calendar: number | null; business: number | null };
  withinSla: number;
  nextResponses: number;
  nextResponseMeanMs: { calendar: number | null; business: number | null };
}

export interface CareReport {
  from: number;
  to: number;
  timeZone: string;
  conversations: number;
  customerMessages: number;
  responded: number;
  firstResponse: Timing;
  nextResponse: Timing;
  resolution: Timing;
  withinSla: { conversations: number; share: number | null };
  reopenings: number;
  /** Conversations that automation answered before any person (not counted as responses). */
  answeredByAutomationFirst: number;
  backlog: { waiting: number; oldestWaitingSince: number | null };
  volume: {
    byChannel: { channelId: string; name: string; kind: string; conversations: number; customerMessages: number }[];
    byDay: { day: string; conversations: number; customerMessages: number }[];
    /** Weekday (0 Monday … 6 Sunday) × local hour. */
    byWeekdayHour: { weekday: number; hour: number; conversations: number; customerMessages: number }[];
  };
  agents: AgentRow[];
  teams: (Omit<AgentRow, 'agentId' | 'name'> & { teamId: string; name: string })[];
}

const mean = (total: number, count: number) => (count === 0 ? null : Math.floor(total / count + 0.5));

/**
 * The care report (docs/metrics.md): volumes, first/next response and resolution in calendar
 * and business time, the within-SLA share, reopenings, backlog, per agent and per team with
 * automation apart. Counts come from the rollups, percentiles from the duration histograms
 * and the fact tables (`durationFigures`).
 */
export async function careReport(db: Db, dialect: 'sqlite' | 'postgres', query: ReportQuery): Promise<CareReport> {
  const timeZone = await workspaceTimeZone(db, query.workspaceId);
  const [durations, hourly, perChannel, perAgent, backlog, channels, users, teams] = await Promise.all([
    durationFigures(db, dialect, query, ['first_calendar', 'first_business', 'resolution_calendar', 'resolution_business', 'next_calendar', 'next_business']),
    // Three sums over the period's rollup rows, so a year's 80,000 rows never leave the database.
    rollupRows(db, query, timeZone).where('agent_id', '=', '').select(['day', 'hour',
      sql<number>`sum(conversations)`.as('conversations'), sql<number>`sum(customer_messages)`.as('customer_messages'),
      sql<number>`sum(bot_first)`.as('bot_first'), sql<number>`sum(reopenings)`.as('reopenings'),
    ]).groupBy(['day', 'hour']).execute(),
    rollupRows(db, query, timeZone).where('agent_id', '=', '').select(['channel_id', 'kind',
      sql<number>`sum(conversations)`.as('conversations'), sql<number>`sum(customer_messages)`.as('customer_messages'),
    ]).groupBy(['channel_id', 'kind']).execute(),
    rollupRows(db, query, timeZone).where('agent_id', '>', '').select(['agent_id',
      sql<number>`sum(first_responses)`.as('first_responses'), sql<number>`sum(first_calendar_ms)`.as('first_calendar_ms'), sql<number>`sum(first_business_ms)`.as('first_business_ms'),
      sql<number>`sum(within_sla)`.as('within_sla'),
      sql<number>`sum(next_responses)`.as('next_responses'), sql<number>`sum(next_calendar_ms)`.as('next_calendar_ms'), sql<number>`sum(next_business_ms)`.as('next_business_ms'),
    ]).groupBy(['agent_id']).execute(),
    backlogOf(db, query.workspaceId, query.channelId),
    db.selectFrom('channels').select(['id', 'name', 'kind']).where('workspace_id', '=', query.workspaceId).execute(),
    db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.name']).where('m.workspace_id', '=', query.workspaceId).execute(),
    db.selectFrom('teams as t').innerJoin('team_members as tm', (join) => join.onRef('tm.workspace_id', '=', 't.workspace_id').onRef('tm.team_id', '=', 't.id'))
      .select(['t.id', 't.name', 'tm.user_id']).where('t.workspace_id', '=', query.workspaceId).execute(),
  ]);

  const channelName = new Map(channels.map((c) => [c.id, c]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const byChannel = new Map<string, { conversations: number; customerMessages: number; kind: string }>();
  const byDay = new Map<string, { conversations: number; customerMessages: number }>();
  const byWeekdayHour = new Map<string, { weekday: number; hour: number; conversations: number; customerMessages: number }>();
  const agents = new Map<string, { first: number; firstCal: number; firstBiz: number; within: number; next: number; nextCal: number; nextBiz: number }>();
  let conversations = 0, customerMessages = 0, within = 0, reopenings = 0, botFirst = 0;
  // Rows without an agent hold the volumes (per local hour); per-agent rows (per day) the responses.
  for (const row of hourly) {
    const c = Number(row.conversations), m = Number(row.customer_messages);
    conversations += c; customerMessages += m; reopenings += Number(row.reopenings); botFirst += Number(row.bot_first);
    if (c + m > 0) {
      const d = byDay.get(row.day) ?? { conversations: 0, customerMessages: 0 };
      d.conversations += c; d.customerMessages += m;
      byDay.set(row.day, d);
      const weekday = (new Date(`${row.day}T00:00:00Z`).getUTCDay() + 6) % 7;
      const wh = byWeekdayHour.get(`${weekday}|${row.hour}`) ?? { weekday, hour: Number(row.hour), conversations: 0, customerMessages: 0 };
      wh.conversations += c; wh.customerMessages += m;
      byWeekdayHour.set(`${weekday}|${row.hour}`, wh);
    }
  }
  for (const row of perChannel) {
    const c = Number(row.conversations), m = Number(row.customer_messages);
    if (c + m > 0) byChannel.set(`${row.channel_id}|${row.kind}`, { conversations: c, customerMessages: m, kind: row.kind });
  }
  for (const row of perAgent) {
    within += Number(row.within_sla);
    agents.set(row.agent_id, {
      first: Number(row.first_responses), firstCal: Number(row.first_calendar_ms), firstBiz: Number(row.first_business_ms), within: Number(row.within_sla),
      next: Number(row.next_responses), nextCal: Number(row.next_calendar_ms), nextBiz: Number(row.next_business_ms),
    });
  }
  const agentRow = (agentId: string, name: string, a: NonNullable<ReturnType<typeof agents.get>>): AgentRow => ({
    agentId, name, firstResponses: a.first, withinSla: a.within, nextResponses: a.next,
    firstResponseMeanMs: { calendar: mean(a.firstCal, a.first), business: mean(a.firstBiz, a.first) },
    nextResponseMeanMs: { calendar: mean(a.nextCal, a.next), business: mean(a.nextBiz, a.next) },
  });
  const agentRows = [...agents].map(([id, a]) => agentRow(id, id === PLATFORM_RESPONDER ? PLATFORM_RESPONDER : userName.get(id) ?? id, a))
    .sort((x, y) => y.firstResponses - x.firstResponses || x.agentId.localeCompare(y.agentId));
  const teamTotals = new Map<string, { name: string; a: NonNullable<ReturnType<typeof agents.get>> }>();
  for (const member of teams) {
    const a = agents.get(member.user_id);
    if (!a) continue;
    const t = teamTotals.get(member.id) ?? { name: member.name, a: { first: 0, firstCal: 0, firstBiz: 0, within: 0, next: 0, nextCal: 0, nextBiz: 0 } };
    for (const key of Object.keys(a) as (keyof typeof a)[]) t.a[key] += a[key];
    teamTotals.set(member.id, t);
  }
  const timing = (calendar: DurationFigures, business: DurationFigures): Timing => ({ count: calendar.count, calendar: calendar.summary, business: business.summary });
  const figure = (name: Parameters<typeof durations.get>[0]) => durations.get(name)!;
  return {
    from: query.from, to: query.to, timeZone, conversations, customerMessages, responded: figure('first_calendar').count,
    firstResponse: timing(figure('first_calendar'), figure('first_business')), nextResponse: timing(figure('next_calendar'), figure('next_business')),
    resolution: timing(figure('resolution_calendar'), figure('resolution_business')),
    withinSla: { conversations: within, share: conversations === 0 ? null : within / conversations },
    reopenings, answeredByAutomationFirst: botFirst,
    backlog,
    volume: {
      byChannel: [...byChannel].map(([key, v]) => ({ channelId: key.split('|')[0]!, name: channelName.get(key.split('|')[0]!)?.name ?? key, ...v })).sort((a, b) => b.conversations - a.conversations),
      byDay: [...byDay].map(([day, v]) => ({ day, ...v })).sort((a, b) => a.day.localeCompare(b.day)),
      byWeekdayHour: [...byWeekdayHour.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    },
    agents: agentRows,
    teams: [...teamTotals].map(([teamId, t]) => { const { agentId: _a, name: _n, ...rest } = agentRow(teamId, t.name, t.a); return { teamId, name: t.name, ...rest }; }),
  };
}
