import type { Db } from '../store/index.ts';
import { slaViews } from './sla-view.ts';
import { loadTimelinesWithSurfaces } from './sla-timeline.ts';

export interface SummaryRow {
  id: string;
  kind: 'public' | 'private';
  status: 'open' | 'pending' | 'snoozed' | 'resolved';
  assignee_id: string | null;
  priority: number;
  snoozed_until: number | null;
  last_message_at: number | null;
  last_inbound_at: number | null;
  created_at: number;
  channelId: string;
  channelKind: string;
  channelName: string;
  contactId: string | null;
  contactName: string | null;
  postText: string | null;
  postPermalink: string | null;
  external_thread_id: string | null;
  linked_conversation_id: string | null;
  updated_at: number;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  worst_sentiment: 'negative' | 'neutral' | 'positive' | null;
}

/** What the list by due time reads of each of its hundreds of candidates: no contact, post or text. */
export type DueRow = Pick<SummaryRow, 'id' | 'kind' | 'status' | 'linked_conversation_id' | 'updated_at' | 'external_thread_id' | 'channelId' | 'channelKind'>;

/**
 * The reply promise of each row, and nothing else of its summary: for the list by due
 * time, which orders hundreds of rows and shows a page of them. Only a comment thread's
 * network needs its last message (a private thread's key names it); it comes with the
 * timelines, from the same read.
 */
export async function dueTimes(db: Db, workspaceId: string, rows: DueRow[], now: number) {
  const comments = new Set(rows.filter((row) => surfaceOf(row.external_thread_id) === null).map((row) => row.id));
  const { timelines, surfaces } = await loadTimelinesWithSurfaces(db, workspaceId, rows, comments);
  return slaViews(db, workspaceId, rows.map((row) => ({ ...row, surface: surfaceOf(row.external_thread_id) ?? surfaces.get(row.id) ?? row.channelKind })), now, timelines);
}

/** Turns conversation rows into the list's summaries: last message, labels, assignee, wait (`slas` when `dueTimes` already has them). */
export async function summarize(db: Db, workspaceId: string, rows: SummaryRow[], now: number, known?: Awaited<ReturnType<typeof slaViews>>) {
  const ids = rows.map((row) => row.id);
  const [lastMessages, labels, assignees] = await Promise.all([latestMessages(db, workspaceId, ids), labelsOf(db, workspaceId, ids), namesOf(db, rows.map((r) => r.assignee_id))]);
  const surfaces = new Map(rows.map((row) => [row.id, surfaceOf(row.external_thread_id) ?? lastMessages.get(row.id)?.surface ?? row.channelKind]));
  const slas = known ?? await slaViews(db, workspaceId, rows.map((row) => ({ ...row, surface: surfaces.get(row.id)! })), now);
  return rows.map((row) => {
    const last = lastMessages.get(row.id) ?? null;
    const sla = slas.get(row.id);
    return {
      id: row.id, kind: row.kind, status: row.status,
      channel: { id: row.channelId, kind: row.channelKind, name: row.channelName },
      // The network the customer is on (facebook, instagram, messenger, x…): a Meta channel has several.
      surface: surfaces.get(row.id)!,
      // The reply promise: when the customer must have an answer, and how that stands now.
      dueAt: sla?.dueAt ?? null, slaState: sla?.state ?? 'met',
      contact: row.contactId ? { id: row.contactId, name: row.contactName } : null,
      post: row.postText || row.postPermalink ? { text: row.postText, permalink: row.postPermalink } : null,
      lastMessage: last ? { text: last.text, direction: last.direction, kind: last.kind, at: last.at } : null, lastMessageAt: row.last_message_at, lastInboundAt: row.last_inbound_at,
      // The customer is waiting when theirs is the last word of an open thread.
      waitingSince: last?.direction === 'in' && row.status !== 'resolved' ? row.last_inbound_at : null,
      assignee: row.assignee_id ? { id: row.assignee_id, name: assignees.get(row.assignee_id) ?? '' } : null,
      labels: labels.get(row.id) ?? [],
      priority: row.priority, snoozedUntil: row.snoozed_until, createdAt: row.created_at,
      sentiment: row.sentiment, worstSentiment: row.worst_sentiment,
    };
  });
}

async function latestMessages(db: Db, workspaceId: string, ids: string[]) {
  const result = new Map<string, { text: string; direction: 'in' | 'out'; kind: string; at: number; surface: string | null }>();
  if (ids.length === 0) return result;
  // One row per conversation: the newest non-note message, found through the thread index.
  const rows = await db.selectFrom('messages as m').select(['m.conversation_id', 'm.text', 'm.direction', 'm.kind', 'm.created_at', 'm.platform_created_at', 'm.meta'])
    .where('m.workspace_id', '=', workspaceId).where('m.conversation_id', 'in', ids)
    .where('m.seq', '=', (eb) => eb.selectFrom('messages as l').select('l.seq').whereRef('l.workspace_id', '=', 'm.workspace_id').whereRef('l.conversation_id', '=', 'm.conversation_id')
      .where('l.kind', '!=', 'note').where('l.status', '!=', 'deleted').orderBy((o) => o.fn.coalesce('l.platform_created_at', 'l.created_at'), 'desc').orderBy('l.seq', 'desc').limit(1))
    .execute();
  for (const row of rows) {
    const surface = (JSON.parse(row.meta) as { surface?: string }).surface ?? null;
    result.set(row.conversation_id, { text: row.text.slice(0, 200), direction: row.direction, kind: row.kind, at: row.platform_created_at ?? row.created_at, surface });
  }
  return result;
}

async function labelsOf(db: Db, workspaceId: string, ids: string[]) {
  const result = new Map<string, { id: string; name: string; color: string }[]>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('conversation_labels as cl').innerJoin('labels as l', (join) => join.onRef('l.workspace_id', '=', 'cl.workspace_id').onRef('l.id', '=', 'cl.label_id'))
    .select(['cl.conversation_id', 'l.id', 'l.name', 'l.color']).where('cl.workspace_id', '=', workspaceId).where('cl.conversation_id', 'in', ids).orderBy('l.name').execute();
  for (const row of rows) result.set(row.conversation_id, [...(result.get(row.conversation_id) ?? []), { id: row.id, name: row.name, color: row.color }]);
  return result;
}

export async function namesOf(db: Db, userIds: (string | null)[]) {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A private thread's key names its network (`messenger:123`); a comment thread's does not. */
function surfaceOf(threadKey: string | null): string | null {
  const prefix = threadKey?.split(':')[0];
  return prefix && prefix !== 'comment' ? prefix : null;
}
