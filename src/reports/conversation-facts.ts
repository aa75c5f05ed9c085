/**
 * One conversation's report facts, computed from its raw rows alone (docs/metrics.md): the
 * first response, each answered next wait, resolution, reopenings, the waiting customer and
 * the conversation's share of every rollup row. Pure, so a recomputation from raw rows is
 * the same function as the incremental refresh.
 */
import { businessMsBetween, slaPolicyFor, zoneOffsetMs, type BusinessHours, type SlaPolicies } from '../care/index.ts';
import { ROLLUP_COUNTERS } from '../store/index.ts';

export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];
/** Rollup key `day|hour|channel|kind|agent` → counters this conversation adds to it. */
export type Contributions = Record<string, Partial<Record<RollupCounter, number>>>;

export interface FactMessage {
  direction: 'in' | 'out';
  kind: 'message' | 'comment' | 'note';
  author_type: 'contact' | 'user' | 'brand' | 'bot';
  author_id: string | null;
  status: 'visible' | 'hidden' | 'deleted';
  platform_created_at: number | null;
  created_at: number;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  classified_by: 'model' | 'agent' | null;
}

export interface FactConversation {
  id: string;
  channel_id: string;
  kind: 'public' | 'private';
  status: string;
  assignee_id: string | null;
  updated_at: number;
  surface: string;
}

export interface FactInput {
  conversation: FactConversation;
  messages: FactMessage[];
  statusChanges: { at: number; from_status: string; to_status: string }[];
  hours: BusinessHours;
  policies: SlaPolicies;
  /** The workspace's time zone: days and hours of the rollups. */
  timeZone: string;
}

export interface ResponseFact {
  cycle: number;
  startedAt: number;
  answeredAt: number;
  /** The agent's user id, or 'platform' for a reply written on the network itself. */
  responderId: string;
  calendarMs: number;
  businessMs: number;
}

export interface ConversationFacts {
  firstCustomerAt: number | null;
  firstResponse: ResponseFact | null;
  withinSla: boolean;
  botFirst: boolean;
  nextResponses: ResponseFact[];
  resolvedAt: number | null;
  resolutionCalendarMs: number | null;
  resolutionBusinessMs: number | null;
  reopenings: number;
  waitingSince: number | null;
  contrib: Contributions;
}

export const PLATFORM_RESPONDER = 'platform';

/** The platform's time of a message; Relais's arrival only when the platform gave none. */
export const timeOf = (m: Pick<FactMessage, 'platform_created_at' | 'created_at'>) => m.platform_created_at ?? m.created_at;

/**
 * @example computeFacts({ conversation, messages, statusChanges: [], hours, policies, timeZone: 'Europe/Paris' }).firstResponse?.calendarMs
 */
export function computeFacts(input: FactInput): ConversationFacts {
  const { conversation, hours } = input;
  const business = (from: number, to: number) => {
    try {
      return businessMsBetween(hours, from, to);
    } catch {
      return 0; // a span beyond the business calendar's reach (years): no open time counted
    }
  };
  type Event = { at: number; type: 'customer' | 'reply' | 'bot'; responder: string; order: number };
  const events: Event[] = [];
  for (const m of input.messages) {
    if (m.kind === 'note') continue;
    if (m.direction === 'in') {
      if (m.status !== 'deleted') events.push({ at: timeOf(m), type: 'customer', responder: '', order: 0 });
    } else if (m.author_type === 'bot') {
      events.push({ at: timeOf(m), type: 'bot', responder: '', order: 1 });
    } else if (m.platform_created_at !== null) {
      // A reply counts once the platform holds it; a queued or failed send answered nobody.
      events.push({ at: m.platform_created_at, type: 'reply', responder: m.author_type === 'user' && m.author_id ? m.author_id : PLATFORM_RESPONDER, order: 1 });
    }
  }
  // Same instant: the customer's message first (a reply cannot answer what came after it).
  events.sort((a, b) => a.at - b.at || a.order - b.order);

  const responses: ResponseFact[] = [];
  let pending: number | null = null;
  let started = false;
  let botFirst = false;
  let firstCustomerAt: number | null = null;
  for (const event of events) {
    if (event.type === 'customer') {
      firstCustomerAt ??= event.at;
      if (pending === null && (!started || responses.length > 0)) pending = event.at;
      started = true;
    } else if (event.type === 'bot') {
      if (pending !== null && responses.length === 0) botFirst = true;
    } else if (pending !== null) {
      responses.push({ cycle: responses.length, startedAt: pending, answeredAt: event.at, responderId: event.responder, calendarMs: event.at - pending, businessMs: business(pending, event.at) });
      pending = null;
    }
  }
  const firstResponse = responses[0] ?? null;
  const policy = slaPolicyFor(input.policies, conversation.surface, conversation.kind);
  const withinSla = firstResponse !== null && (policy.mode === 'business' ? firstResponse.businessMs : firstResponse.calendarMs) <= policy.firstResponseMs;

  const resolved = conversation.status === 'resolved';
  const lastResolve = input.statusChanges.filter((c) => c.to_status === 'resolved').reduce<number | null>((at, c) => (at === null || c.at > at ? c.at : at), null);
  const resolvedAt = resolved && firstCustomerAt !== null ? Math.max(lastResolve ?? conversation.updated_at, firstCustomerAt) : null;
  const reopenings = input.statusChanges.filter((c) => c.from_status === 'resolved' && c.to_status !== 'resolved').length;

  const facts: ConversationFacts = {
    firstCustomerAt, firstResponse, withinSla, botFirst, nextResponses: responses.slice(1),
    resolvedAt,
    resolutionCalendarMs: resolvedAt === null ? null : resolvedAt - firstCustomerAt!,
    resolutionBusinessMs: resolvedAt === null ? null : business(firstCustomerAt!, resolvedAt),
    reopenings,
    waitingSince: resolved ? null : pending,
    contrib: {},
  };
  facts.contrib = contributionsOf(input, facts);
  return facts;
}

/** Where this conversation counts in the rollups: cohort facts on its first customer message's local hour. */
function contributionsOf(input: FactInput, facts: ConversationFacts): Contributions {
  const { conversation, timeZone } = input;
  const contrib: Contributions = {};
  // Per-agent rows are per local day (hour −1): nobody reads an agent's figures hour by hour,
  // and it keeps a year of rollups small (about 8,760 hours × channels, plus days × agents).
  const add = (at: number, agent: string, counters: Partial<Record<RollupCounter, number>>) => {
    const hourKey = localHourKey(at, timeZone);
    const key = `${agent === '' ? hourKey : `${hourKey.split('|')[0]}|-1`}|${conversation.channel_id}|${conversation.kind}|${agent}`;
    const entry = (contrib[key] ??= {});
    for (const [name, value] of Object.entries(counters) as [RollupCounter, number][]) if (value !== 0) entry[name] = (entry[name] ?? 0) + value;
    if (Object.keys(entry).length === 0) delete contrib[key];
  };
  for (const m of input.messages) {
    if (m.direction !== 'in' || m.kind === 'note' || m.status === 'deleted') continue;
    const byAgent = m.classified_by === 'agent';
    add(timeOf(m), '', {
      customer_messages: 1,
      positive: Number(m.sentiment === 'positive'), neutral: Number(m.sentiment === 'neutral'), negative: Number(m.sentiment === 'negative'),
      agent_positive: Number(byAgent && m.sentiment === 'positive'), agent_neutral: Number(byAgent && m.sentiment === 'neutral'), agent_negative: Number(byAgent && m.sentiment === 'negative'),
    });
  }
  if (facts.firstCustomerAt === null) return contrib;
  const cohort = facts.firstCustomerAt;
  add(cohort, '', {
    conversations: 1, bot_first: Number(facts.botFirst), reopenings: facts.reopenings,
    resolved: Number(facts.resolvedAt !== null), resolution_calendar_ms: facts.resolutionCalendarMs ?? 0, resolution_business_ms: facts.resolutionBusinessMs ?? 0,
  });
  const first = facts.firstResponse;
  if (first) add(cohort, first.responderId, { first_responses: 1, first_calendar_ms: first.calendarMs, first_business_ms: first.businessMs, within_sla: Number(facts.withinSla) });
  for (const next of facts.nextResponses) add(next.startedAt, next.responderId, { next_responses: 1, next_calendar_ms: next.calendarMs, next_business_ms: next.businessMs });
  return contrib;
}

const HOUR = 3_600_000;

/** `YYYY-MM-DD|H` of an instant in the zone (DST included). */
export function localHourKey(at: number, timeZone: string): string {
  const local = new Date(at + zoneOffsetMs(at, timeZone));
  return `${local.toISOString().slice(0, 10)}|${Math.floor((local.getTime() % 86_400_000 + 86_400_000) % 86_400_000 / HOUR)}`;
}
