import type { SlaEvent } from '../care/index.ts';
import { AppError } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { careSettingsResolver } from './care-settings.ts';
import { loadTimelines, slaOf, surfacesOf, timelineOf, type SlaRow } from './sla-timeline.ts';

/** Answered cycles looked at: a thread longer than this keeps its latest replies' figures. */
const MAX_REPLIES = 200;

/**
 * Stores what a conversation's clocks measured, for reports: the first response, every
 * answered next-response cycle (count and sums), and the resolution, each in business and
 * calendar milliseconds and whether it missed its target. Replayed from the timeline under
 * the stored hours and policies, so calling it again after any change gives the same row.
 */
export async function recordSlaMetrics(deps: { db: Db; clock: { now(): number } }, workspaceId: string, conversationId: string): Promise<void> {
  const now = deps.clock.now();
  const conversation = await deps.db.selectFrom('conversations as c')
    .innerJoin('channels as ch', (join) => join.onRef('ch.workspace_id', '=', 'c.workspace_id').onRef('ch.id', '=', 'c.channel_id'))
    .select(['c.id', 'c.kind', 'c.status', 'c.linked_conversation_id', 'c.updated_at', 'c.external_thread_id', 'c.channel_id as channelId', 'ch.kind as channelKind'])
    .where('c.workspace_id', '=', workspaceId).where('c.id', '=', conversationId).executeTakeFirst();
  if (!conversation) return;
  const [settingsFor, timelines, surfaces] = await Promise.all([
    careSettingsResolver(deps.db, workspaceId), loadTimelines(deps.db, workspaceId, [conversation]), surfacesOf(deps.db, workspaceId, [conversation]),
  ]);
  const row: SlaRow = { ...conversation, surface: surfaces.get(conversation.id)! };
  const settings = settingsFor(row.channelId);
  const events = timelineOf(row, timelines);
  const sla = slaOf(settings, row, events, now);
  if (!sla) return;
  const first = sla.firstResponse?.metAt != null ? sla.firstResponse : null;
  const resolution = row.status === 'resolved' && sla.resolution?.metAt != null ? sla.resolution : null;
  const responses = answeredCycles(settings, row, events);
  const values = {
    first_response_at: first?.metAt ?? null,
    first_response_business_ms: first?.businessMs ?? null,
    first_response_calendar_ms: first?.calendarMs ?? null,
    first_response_breached: first ? Number(first.breached) : null,
    responses: responses.length,
    response_business_ms: responses.reduce((sum, r) => sum + r.businessMs, 0),
    response_calendar_ms: responses.reduce((sum, r) => sum + r.calendarMs, 0),
    responses_breached: responses.filter((r) => r.breached).length,
    resolved_at: resolution?.metAt ?? null,
    resolution_business_ms: resolution?.businessMs ?? null,
    resolution_calendar_ms: resolution?.calendarMs ?? null,
    resolution_breached: resolution ? Number(resolution.breached) : null,
    updated_at: now,
  };
  await deps.db.insertInto('conversation_sla').values({ workspace_id: workspaceId, conversation_id: conversationId, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id']).doUpdateSet(values)).execute();
}

/** Each reply that closed a next-response cycle: the clock read at that reply. */
function answeredCycles(settings: Parameters<typeof slaOf>[0], row: SlaRow, events: SlaEvent[]) {
  const replies = [...new Set(events.filter((e) => e.type === 'agent_reply' || e.type === 'auto_reply').map((e) => e.at))].slice(-MAX_REPLIES);
  return replies.flatMap((at) => {
    const next = slaOf(settings, row, events, at)?.nextResponse;
    return next && next.metAt === at ? [next] : [];
  });
}

/** The stored figures of a conversation, or null before its first measure. */
export async function conversationSlaMetrics(deps: { db: Db }, workspaceId: string, conversationId: string) {
  const conversation = await deps.db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
  if (!conversation) throw new AppError('conversation.not_found', 'Conversation not found');
  const row = await deps.db.selectFrom('conversation_sla').selectAll().where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).executeTakeFirst();
  if (!row) return null;
  const n = (value: number | null) => (value === null ? null : Number(value));
  return {
    firstResponse: row.first_response_at === null ? null : { at: Number(row.first_response_at), businessMs: n(row.first_response_business_ms)!, calendarMs: n(row.first_response_calendar_ms)!, breached: row.first_response_breached === 1 },
    responses: { count: Number(row.responses), businessMs: Number(row.response_business_ms), calendarMs: Number(row.response_calendar_ms), breached: Number(row.responses_breached) },
    resolution: row.resolved_at === null ? null : { at: Number(row.resolved_at), businessMs: n(row.resolution_business_ms)!, calendarMs: n(row.resolution_calendar_ms)!, breached: row.resolution_breached === 1 },
    updatedAt: Number(row.updated_at),
  };
}

/** After a reply or a status change: the conversation's figures and its linked one's (they share a clock). */
export async function measureConversation(deps: { db: Db; clock: { now(): number } }, workspaceId: string, conversationId: string): Promise<void> {
  const linked = await deps.db.selectFrom('conversations').select('linked_conversation_id').where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
  await recordSlaMetrics(deps, workspaceId, conversationId);
  if (linked?.linked_conversation_id) await recordSlaMetrics(deps, workspaceId, linked.linked_conversation_id);
}

/**
 * Measures the conversations changed since their last measure (or never measured): a safety
 * net for clocks stopped outside `sendReply` and `updateConversation` (a reply the shop wrote
 * on the platform itself, an automation's). Run with the `sla.monitor` job; answers how many.
 */
export async function refreshSlaMetrics(deps: { db: Db; clock: { now(): number } }, limit = 500): Promise<number> {
  const stale = await deps.db.selectFrom('conversations as c')
    .leftJoin('conversation_sla as s', (join) => join.onRef('s.workspace_id', '=', 'c.workspace_id').onRef('s.conversation_id', '=', 'c.id'))
    .select(['c.workspace_id', 'c.id'])
    .where('c.last_inbound_at', 'is not', null)
    .where((eb) => eb.or([eb('s.updated_at', 'is', null), eb('c.updated_at', '>', eb.ref('s.updated_at'))]))
    .orderBy('c.updated_at').limit(limit).execute();
  for (const row of stale) await recordSlaMetrics(deps, row.workspace_id, row.id);
  return stale.length;
}
