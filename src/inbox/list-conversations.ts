import type { ConversationStatus, Db } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';
import { dueTimes, summarize } from './summaries.ts';

export type InboxView = 'mine' | 'unassigned' | 'open' | 'pending' | 'snoozed' | 'resolved';

export interface ConversationFilter {
  view?: InboxView | undefined;
  status?: ConversationStatus | undefined;
  channelId?: string | undefined;
  kind?: 'public' | 'private' | undefined;
  assigneeId?: string | 'none' | undefined;
  labelId?: string | undefined;
  sentiment?: 'negative' | 'neutral' | 'positive' | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  /** 'recent' (default): newest activity first; 'due': the soonest reply due first, then those owing nothing. */
  sort?: 'recent' | 'due' | undefined;
}

/** Conversations ordered by due time per request: the due time is computed, not stored. */
export const DUE_SORT_MAX = 500;

/** Each view is a status and, for two of them, an assignee. */
const views: Record<InboxView, { status: ConversationStatus; assignee?: 'me' | 'none' }> = {
  mine: { status: 'open', assignee: 'me' },
  unassigned: { status: 'open', assignee: 'none' },
  open: { status: 'open' },
  pending: { status: 'pending' },
  snoozed: { status: 'snoozed' },
  resolved: { status: 'resolved' },
};

/** The conversations of one workspace, narrowed and ordered by the caller; one page is then joined to its details. */
function listQuery(db: Db, workspaceId: string) {
  return db.selectFrom('conversations as c')
    .select(['c.id', 'c.kind', 'c.status', 'c.assignee_id', 'c.priority', 'c.snoozed_until', 'c.last_message_at', 'c.last_inbound_at', 'c.created_at', 'c.sentiment', 'c.worst_sentiment', 'c.external_thread_id', 'c.linked_conversation_id', 'c.updated_at',
      'c.channel_id', 'c.contact_id', 'c.post_id'])
    .where('c.workspace_id', '=', workspaceId);
}

type ListQuery = ReturnType<typeof listQuery>;

/**
 * The page's rows with their channel, contact and post. The join comes after the page is cut
 * (the ordered, limited query is a subquery): joined first, SQLite may start from the
 * channels and then sort every conversation of the view instead of walking an index in order.
 */
async function withDetails(db: Db, workspaceId: string, page: ListQuery) {
  return db.selectFrom(page.as('c'))
    .innerJoin('channels as ch', (join) => join.on('ch.workspace_id', '=', workspaceId).onRef('ch.id', '=', 'c.channel_id'))
    .leftJoin('contacts as ct', (join) => join.on('ct.workspace_id', '=', workspaceId).onRef('ct.id', '=', 'c.contact_id'))
    .leftJoin('posts as p', (join) => join.on('p.workspace_id', '=', workspaceId).onRef('p.id', '=', 'c.post_id'))
    .select(['c.id', 'c.kind', 'c.status', 'c.assignee_id', 'c.priority', 'c.snoozed_until', 'c.last_message_at', 'c.last_inbound_at', 'c.created_at', 'c.sentiment', 'c.worst_sentiment', 'c.external_thread_id', 'c.linked_conversation_id', 'c.updated_at',
      'ch.id as channelId', 'ch.kind as channelKind', 'ch.name as channelName', 'ct.id as contactId', 'ct.name as contactName', 'p.text as postText', 'p.permalink as postPermalink'])
    .orderBy('c.last_message_at', (ob) => ob.desc().nullsLast()).orderBy('c.id', 'desc')
    .execute();
}

/** A list search: the conversations of the newest matching messages, and the depth it stopped at, if it did. */
export interface ListSearch {
  ids: string[];
  cappedAt: number | null;
}

/**
 * The inbox list, newest activity first, with keyset pagination on (last_message_at, id)
 * so page 500 costs what page 1 costs. A search says when it was capped (`searchCappedAt`),
 * so the console can ask for a narrower one.
 */
export async function listConversations(deps: Pick<InboxDeps, 'db' | 'clock'> & { search(workspaceId: string, q: string): Promise<ListSearch | null> }, workspaceId: string, userId: string | null, filter: ConversationFilter) {
  let query = listQuery(deps.db, workspaceId);
  const view = filter.view ? views[filter.view] : undefined;
  const status = filter.status ?? view?.status;
  const assignee = view?.assignee === 'me' ? userId ?? '-' : view?.assignee ?? filter.assigneeId;
  if (status) query = query.where('c.status', '=', status);
  if (filter.channelId) query = query.where('c.channel_id', '=', filter.channelId);
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  if (filter.sentiment) query = query.where('c.sentiment', '=', filter.sentiment);
  if (assignee === 'none') query = query.where('c.assignee_id', 'is', null);
  else if (assignee) query = query.where('c.assignee_id', '=', assignee);
  if (filter.labelId) {
    const labelId = filter.labelId;
    query = query.where((eb) => eb.exists(eb.selectFrom('conversation_labels as cl').select('cl.label_id')
      .whereRef('cl.workspace_id', '=', 'c.workspace_id').whereRef('cl.conversation_id', '=', 'c.id').where('cl.label_id', '=', labelId)));
  }
  let searchCappedAt: number | null = null;
  if (filter.q) {
    const matching = await deps.search(workspaceId, filter.q);
    if (!matching || matching.ids.length === 0) return { conversations: [], nextCursor: null, searchCappedAt: matching?.cappedAt ?? null };
    query = query.where('c.id', 'in', matching.ids);
    searchCappedAt = matching.cappedAt;
  }
  if (filter.sort === 'due') return { ...await byDueTime(deps.db, workspaceId, query, filter, deps.clock.now()), searchCappedAt };
  if (filter.cursor) {
    // A conversation without activity yet (no message) comes after every other, on both databases.
    const [at, id] = decodeCursor(filter.cursor);
    query = at === null
      ? query.where('c.last_message_at', 'is', null).where('c.id', '<', id)
      : query.where((eb) => eb.or([eb('c.last_message_at', '<', at), eb.and([eb('c.last_message_at', '=', at), eb('c.id', '<', id)]), eb('c.last_message_at', 'is', null)]));
  }
  const rows = await withDetails(deps.db, workspaceId, query.orderBy('c.last_message_at', (ob) => ob.desc().nullsLast()).orderBy('c.id', 'desc').limit(filter.limit + 1));
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    conversations: await summarize(deps.db, workspaceId, page, deps.clock.now()),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.last_message_at, last.id) : null,
    searchCappedAt,
  };
}

const encodeCursor = (at: number | null, id: string) => Buffer.from(`${at ?? ''}:${id}`).toString('base64url');
function decodeCursor(cursor: string): [number | null, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  return [at === '' ? null : Number(at) || 0, id ?? ''];
}

/**
 * The list by due time: the filtered conversations (the `DUE_SORT_MAX` most recent) with
 * their live SLA, soonest due first, then the rest by recent activity; the cursor is an offset.
 * The candidates are read bare (what the SLA clock needs); only the page shown gets its
 * channel, contact and post, and its summary.
 */
async function byDueTime(db: Db, workspaceId: string, query: ListQuery, filter: ConversationFilter, now: number) {
  const [candidates, channels] = await Promise.all([
    query.orderBy('c.last_message_at', (ob) => ob.desc().nullsLast()).orderBy('c.id', 'desc').limit(DUE_SORT_MAX).execute(),
    db.selectFrom('channels').select(['id', 'kind']).where('workspace_id', '=', workspaceId).execute(),
  ]);
  const kinds = new Map(channels.map((channel) => [channel.id, channel.kind]));
  // Every candidate's due time orders them; only the page shown is summarized.
  const slas = await dueTimes(db, workspaceId, candidates.map((row) => ({ ...row, channelId: row.channel_id, channelKind: kinds.get(row.channel_id) ?? '' })), now);
  const ordered = candidates.map((row, index) => ({ row, index }))
    .sort((a, b) => (slas.get(a.row.id)?.dueAt ?? Infinity) - (slas.get(b.row.id)?.dueAt ?? Infinity) || a.index - b.index)
    .map(({ row }) => row.id);
  const offset = filter.cursor ? Number(Buffer.from(filter.cursor, 'base64url').toString('utf8').replace(/^due:/, '')) || 0 : 0;
  const end = offset + filter.limit;
  const pageIds = ordered.slice(offset, end);
  const detailed = pageIds.length > 0 ? await withDetails(db, workspaceId, listQuery(db, workspaceId).where('c.id', 'in', pageIds)) : [];
  const byId = new Map(detailed.map((row) => [row.id, row]));
  const page = pageIds.map((id) => byId.get(id)).filter((row) => row !== undefined);
  return { conversations: await summarize(db, workspaceId, page, now, slas), nextCursor: end < ordered.length ? Buffer.from(`due:${end}`).toString('base64url') : null };
}

export type ViewCounts = Record<Exclude<InboxView, 'resolved'>, number>;

/**
 * How many conversations each standing view holds for this person (resolved ones are not
 * counted: that view only grows). One grouped read, so the console can show every count.
 */
export async function countViews(db: Db, workspaceId: string, userId: string | null): Promise<ViewCounts> {
  const rows = await db.selectFrom('conversations').select((eb) => ['status', 'assignee_id', eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId).where('status', '!=', 'resolved').groupBy(['status', 'assignee_id']).execute();
  const counts: ViewCounts = { mine: 0, unassigned: 0, open: 0, pending: 0, snoozed: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.status === 'pending') counts.pending += n;
    else if (row.status === 'snoozed') counts.snoozed += n;
    else if (row.status === 'open') {
      counts.open += n;
      if (row.assignee_id === null) counts.unassigned += n;
      else if (row.assignee_id === userId) counts.mine += n;
    }
  }
  return counts;
}
