import { careSettingsResolver } from '../inbox/index.ts';
import { ROLLUP_COUNTERS, sql, type Db } from '../store/index.ts';
import { applyDurationDelta, moveConversationDurations, moveResponseDurations, type DurationDelta } from './durations.ts';
import { computeFacts, type Contributions, type ConversationFacts, type FactConversation, type FactMessage, type RollupCounter } from './conversation-facts.ts';

export interface ReportsDeps {
  db: Db;
  clock: { now(): number };
}

/**
 * Conversations refreshed per transaction: 200 held SQLite's one writer ~50 ms, as long as a
 * webhook acknowledgement may wait in all (ADR 0027).
 */
const BATCH = 50;

/**
 * Recomputes the facts of conversations marked dirty (by the triggers of migration 0016) and
 * moves the rollups by the difference, a batch per transaction; answers how many were done.
 * The dirty marks are taken in the same transaction that reads the rows, so a change
 * committed meanwhile marks its conversation again and is never lost.
 */
export async function refreshDirty(deps: ReportsDeps, options: { workspaceId?: string; limit?: number; pace?: () => Promise<void> } = {}): Promise<number> {
  const limit = options.limit ?? 5000;
  let done = 0;
  while (done < limit) {
    const count = await deps.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('report_dirty').select(['workspace_id', 'conversation_id']).orderBy('workspace_id').limit(Math.min(BATCH, limit - done));
      if (options.workspaceId) query = query.where('workspace_id', '=', options.workspaceId);
      const dirty = await query.execute();
      const byWorkspace = new Map<string, string[]>();
      for (const row of dirty) byWorkspace.set(row.workspace_id, [...(byWorkspace.get(row.workspace_id) ?? []), row.conversation_id]);
      for (const [workspaceId, ids] of byWorkspace) {
        // Only what this transaction removed is its own: a concurrent worker that took the same
        // marks waits on the row locks here and then finds them gone.
        const taken = await trx.deleteFrom('report_dirty').where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).returning('conversation_id').execute();
        await refreshConversations(trx, deps.clock.now(), workspaceId, taken.map((row) => row.conversation_id));
      }
      return dirty.length;
    });
    done += count;
    if (count === 0) break;
    await options.pace?.();
  }
  return done;
}

/** How many conversations wait for a refresh in a workspace. */
export async function pendingRefreshes(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('report_dirty').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Drops a workspace's facts and rollups and recomputes them from the raw rows. */
export async function rebuildReports(deps: ReportsDeps, workspaceId: string): Promise<number> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_daily').where('workspace_id', '=', workspaceId).execute();
    await trx.deleteFrom('report_durations').where('workspace_id', '=', workspaceId).execute();
    await trx.deleteFrom('report_responses').where('workspace_id', '=', workspaceId).execute();
    await trx.deleteFrom('report_conversations').where('workspace_id', '=', workspaceId).execute();
    await trx.insertInto('report_dirty').columns(['workspace_id', 'conversation_id'])
      .expression(trx.selectFrom('conversations').select(['workspace_id', 'id']).where('workspace_id', '=', workspaceId))
      .onConflict((oc) => oc.doNothing()).execute();
  });
  return refreshDirty(deps, { workspaceId, limit: Number.MAX_SAFE_INTEGER });
}

/**
 * Recomputes the given conversations of one workspace inside `trx`: facts, answered waits,
 * and the rollups moved by (new contributions − stored ones). A conversation gone (deleted)
 * takes its contributions back.
 */
export async function refreshConversations(trx: Db, now: number, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const [workspace, settingsFor, conversations, messages, changes, stored, storedResponses] = await Promise.all([
    trx.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirst(),
    careSettingsResolver(trx, workspaceId),
    trx.selectFrom('conversations as c').innerJoin('channels as ch', (join) => join.onRef('ch.workspace_id', '=', 'c.workspace_id').onRef('ch.id', '=', 'c.channel_id'))
      .select(['c.id', 'c.channel_id', 'c.kind', 'c.status', 'c.assignee_id', 'c.updated_at', 'c.external_thread_id', 'ch.kind as channelKind'])
      .where('c.workspace_id', '=', workspaceId).where('c.id', 'in', ids).execute(),
    trx.selectFrom('messages').select(['conversation_id', 'direction', 'kind', 'author_type', 'author_id', 'status', 'platform_created_at', 'created_at', 'sentiment', 'classified_by', 'meta'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).orderBy('seq').execute(),
    trx.selectFrom('conversation_status_changes').select(['conversation_id', 'at', 'from_status', 'to_status'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute(),
    trx.selectFrom('report_conversations').select(['conversation_id', 'contrib', 'channel_id', 'first_customer_at', 'first_calendar_ms', 'first_business_ms', 'resolution_calendar_ms', 'resolution_business_ms', 'waiting_since'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute(),
    trx.selectFrom('report_responses').select(['channel_id', 'cycle', 'started_at', 'calendar_ms', 'business_ms'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).where('cycle', '>', 0).execute(),
  ]);
  const timeZone = workspace?.timezone ?? 'Europe/Paris';
  const messagesOf = groupBy(messages, (m) => m.conversation_id);
  const changesOf = groupBy(changes, (c) => c.conversation_id);
  const delta = new Map<string, Partial<Record<RollupCounter, number>>>();
  const move = (contrib: Contributions, sign: 1 | -1) => {
    for (const [key, counters] of Object.entries(contrib)) {
      const entry = delta.get(key) ?? {};
      for (const [name, value] of Object.entries(counters) as [RollupCounter, number][]) entry[name] = (entry[name] ?? 0) + sign * value;
      delta.set(key, entry);
    }
  };
  for (const row of stored) move(JSON.parse(row.contrib) as Contributions, -1);
  // The duration histograms move by the stored fact rows, out, and the new ones, in.
  const durations: DurationDelta = new Map();
  for (const row of stored) moveConversationDurations(durations, row, -1);
  for (const row of storedResponses) moveResponseDurations(durations, row, -1);

  await trx.deleteFrom('report_responses').where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute();
  const found = new Set(conversations.map((c) => c.id));
  const gone = ids.filter((id) => !found.has(id));
  if (gone.length > 0) await trx.deleteFrom('report_conversations').where('workspace_id', '=', workspaceId).where('conversation_id', 'in', gone).execute();

  const responseRows: { workspace_id: string; conversation_id: string; cycle: number; channel_id: string; started_at: number; answered_at: number; responder_id: string; calendar_ms: number; business_ms: number }[] = [];
  for (const c of conversations) {
    const own = messagesOf.get(c.id) ?? [];
    const conversation: FactConversation = { ...c, updated_at: Number(c.updated_at), surface: surfaceOf(c, own) };
    const settings = settingsFor(c.channel_id);
    const facts = computeFacts({
      conversation, messages: own.map(toFactMessage), statusChanges: (changesOf.get(c.id) ?? []).map((s) => ({ ...s, at: Number(s.at) })),
      hours: settings.hours, policies: settings.policies, timeZone,
    });
    move(facts.contrib, 1);
    const values = factRow(workspaceId, conversation, facts, now);
    moveConversationDurations(durations, values, 1);
    const { workspace_id: _w, conversation_id: _c, ...update } = values;
    await trx.insertInto('report_conversations').values(values)
      .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id']).doUpdateSet(update)).execute();
    for (const r of [facts.firstResponse, ...facts.nextResponses]) {
      if (r) responseRows.push({ workspace_id: workspaceId, conversation_id: c.id, cycle: r.cycle, channel_id: c.channel_id, started_at: r.startedAt, answered_at: r.answeredAt, responder_id: r.responderId, calendar_ms: r.calendarMs, business_ms: r.businessMs });
    }
  }
  for (let i = 0; i < responseRows.length; i += 500) await trx.insertInto('report_responses').values(responseRows.slice(i, i + 500)).execute();
  for (const row of responseRows) moveResponseDurations(durations, row, 1);
  await applyDelta(trx, workspaceId, delta);
  await applyDurationDelta(trx, workspaceId, durations);
}

/** Adds each key's counters to its rollup row (created at zero when new). */
async function applyDelta(trx: Db, workspaceId: string, delta: Map<string, Partial<Record<RollupCounter, number>>>): Promise<void> {
  for (const [key, counters] of delta) {
    const changed = (Object.entries(counters) as [RollupCounter, number][]).filter(([, value]) => value !== 0);
    if (changed.length === 0) continue;
    const [day, hour, channel_id, kind, agent_id] = key.split('|') as [string, string, string, string, string];
    const values = { workspace_id: workspaceId, day, hour: Number(hour), channel_id, kind, agent_id, ...Object.fromEntries(changed) };
    await trx.insertInto('report_daily').values(values)
      .onConflict((oc) => oc.columns(['workspace_id', 'day', 'hour', 'channel_id', 'kind', 'agent_id'])
        .doUpdateSet(Object.fromEntries(changed.map(([name]) => [name, sql`report_daily.${sql.ref(name)} + excluded.${sql.ref(name)}`])))).execute();
  }
}

function factRow(workspaceId: string, c: FactConversation, facts: ConversationFacts, now: number) {
  const first = facts.firstResponse;
  return {
    workspace_id: workspaceId, conversation_id: c.id, channel_id: c.channel_id, kind: c.kind, status: c.status, assignee_id: c.assignee_id,
    first_customer_at: facts.firstCustomerAt, first_response_at: first?.answeredAt ?? null, first_responder_id: first?.responderId ?? null,
    first_calendar_ms: first?.calendarMs ?? null, first_business_ms: first?.businessMs ?? null,
    within_sla: Number(facts.withinSla), bot_first: Number(facts.botFirst),
    resolved_at: facts.resolvedAt, resolution_calendar_ms: facts.resolutionCalendarMs, resolution_business_ms: facts.resolutionBusinessMs,
    reopenings: facts.reopenings, waiting_since: facts.waitingSince, contrib: JSON.stringify(facts.contrib), refreshed_at: now,
  };
}

type MessageRow = FactMessage & { meta: string };
function toFactMessage(m: MessageRow): FactMessage {
  return { ...m, platform_created_at: m.platform_created_at === null ? null : Number(m.platform_created_at), created_at: Number(m.created_at) };
}

/** The network the customer is on, as the SLA policies name it (the inbox's rule). */
function surfaceOf(c: { external_thread_id: string | null; channelKind: string }, messages: MessageRow[]): string {
  const prefix = c.external_thread_id?.split(':')[0];
  if (prefix && prefix !== 'comment') return prefix;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.kind === 'note') continue;
    const surface = (JSON.parse(messages[i]!.meta) as { surface?: string }).surface;
    if (surface) return surface;
  }
  return c.channelKind;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

export { ROLLUP_COUNTERS };
