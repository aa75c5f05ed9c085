import { computeSla, slaPolicyFor, type SlaEvent, type SlaStatus } from '../care/index.ts';
import type { Db } from '../store/index.ts';
import type { CareSettings } from './care-settings.ts';

/** What the SLA clock needs to know of a conversation row. */
export interface SlaRow {
  id: string;
  channelId: string;
  kind: 'public' | 'private';
  status: 'open' | 'pending' | 'snoozed' | 'resolved';
  linked_conversation_id: string | null;
  updated_at: number;
  /** The network the customer is on ('x', 'messenger', 'facebook'…): policies are per surface. */
  surface: string;
}

/** Every conversation's SLA events, from its messages: notes never answer, bots only by policy. */
export async function loadTimelines(db: Db, workspaceId: string, rows: Pick<SlaRow, 'id' | 'linked_conversation_id'>[]): Promise<Map<string, SlaEvent[]>> {
  return (await loadTimelinesWithSurfaces(db, workspaceId, rows, new Set())).timelines;
}

/**
 * The timelines, and from the same messages the network of the newest message (not a note,
 * not deleted) of each conversation in `surfaceOf`, null when its meta names none: what the
 * list shows for a comment thread, whose key does not name its network. One read instead of
 * a second one per thread, for the list by due time and its hundreds of rows.
 */
export async function loadTimelinesWithSurfaces(db: Db, workspaceId: string, rows: Pick<SlaRow, 'id' | 'linked_conversation_id'>[], surfaceOf: ReadonlySet<string>) {
  const timelines = new Map<string, SlaEvent[]>();
  const surfaces = new Map<string, string | null>();
  const ids = [...new Set(rows.flatMap((row) => [row.id, ...(row.linked_conversation_id ? [row.linked_conversation_id] : [])]))];
  if (ids.length === 0) return { timelines, surfaces };
  const messages = await db.selectFrom('messages').select(['conversation_id', 'direction', 'kind', 'author_type', 'status', 'created_at', 'platform_created_at'])
    .$if(surfaceOf.size > 0, (query) => query.select(['seq', 'meta']))
    .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute();
  const newest = new Map<string, { at: number; seq: number; meta: string }>();
  for (const message of messages) {
    const at = message.platform_created_at ?? message.created_at;
    if (surfaceOf.has(message.conversation_id) && message.kind !== 'note' && message.status !== 'deleted') {
      // The order of the summaries' last message: its time, then its sequence.
      const best = newest.get(message.conversation_id);
      const seq = Number(message.seq);
      if (!best || at > best.at || (at === best.at && seq > best.seq)) newest.set(message.conversation_id, { at, seq, meta: message.meta! });
    }
    if (message.status === 'deleted' && message.direction === 'in') continue;
    const type: SlaEvent['type'] = message.kind === 'note' ? 'note'
      : message.direction === 'in' ? 'customer_message'
        : message.author_type === 'bot' ? 'auto_reply' : 'agent_reply';
    const list = timelines.get(message.conversation_id) ?? [];
    list.push({ at, type });
    timelines.set(message.conversation_id, list);
  }
  for (const [id, { meta }] of newest) surfaces.set(id, (JSON.parse(meta) as { surface?: string }).surface ?? null);
  return { timelines, surfaces };
}

/** A conversation's own events and its linked one's (a comment moved to private keeps one clock). */
export function timelineOf(row: SlaRow, timelines: Map<string, SlaEvent[]>): SlaEvent[] {
  const events = [...(timelines.get(row.id) ?? []), ...(row.linked_conversation_id ? timelines.get(row.linked_conversation_id) ?? [] : [])];
  if (row.status === 'resolved') events.push({ at: row.updated_at, type: 'resolved' });
  return events.sort((a, b) => a.at - b.at);
}

/** The SLA of one row under its settings, or null when its timeline is beyond the calendar's reach. */
export function slaOf(settings: CareSettings, row: SlaRow, events: SlaEvent[], now: number): SlaStatus | null {
  try {
    return computeSla(slaPolicyFor(settings.policies, row.surface, row.kind), settings.hours, events, now);
  } catch {
    // A timeline older than the business calendar's reach (years): no promise to show.
    return null;
  }
}

/**
 * The surface of each conversation as the list shows it: a private thread's key names its
 * network (`messenger:123`), a comment thread takes its latest message's, else the channel kind.
 */
export async function surfacesOf(db: Db, workspaceId: string, rows: { id: string; external_thread_id: string | null; channelKind: string }[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const unknown: string[] = [];
  for (const row of rows) {
    const prefix = row.external_thread_id?.split(':')[0];
    if (prefix && prefix !== 'comment') result.set(row.id, prefix);
    else unknown.push(row.id);
  }
  if (unknown.length > 0) {
    const messages = await db.selectFrom('messages').select(['conversation_id', 'meta']).where('workspace_id', '=', workspaceId)
      .where('conversation_id', 'in', unknown).where('kind', '!=', 'note').orderBy('seq', 'desc').execute();
    for (const message of messages) {
      if (result.has(message.conversation_id)) continue;
      const surface = (JSON.parse(message.meta) as { surface?: string }).surface;
      if (surface) result.set(message.conversation_id, surface);
    }
  }
  for (const row of rows) if (!result.has(row.id)) result.set(row.id, row.channelKind);
  return result;
}
