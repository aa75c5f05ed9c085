import type { ConversationStatus } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';

export interface ConversationFilter {
  status?: ConversationStatus | undefined;
  channelId?: string | undefined;
  kind?: 'public' | 'private' | undefined;
  assigneeId?: string | 'none' | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * The inbox list, newest activity first, with keyset pagination on (last_message_at, id)
 * so page 500 costs what page 1 costs.
 */
export async function listConversations(deps: Pick<InboxDeps, 'db'> & { search(workspaceId: string, q: string): Promise<string[]> }, workspaceId: string, filter: ConversationFilter) {
  let query = deps.db.selectFrom('conversations as c')
    .innerJoin('channels as ch', (join) => join.onRef('ch.workspace_id', '=', 'c.workspace_id').onRef('ch.id', '=', 'c.channel_id'))
    .leftJoin('contacts as ct', (join) => join.onRef('ct.workspace_id', '=', 'c.workspace_id').onRef('ct.id', '=', 'c.contact_id'))
    .leftJoin('posts as p', (join) => join.onRef('p.workspace_id', '=', 'c.workspace_id').onRef('p.id', '=', 'c.post_id'))
    .select(['c.id', 'c.kind', 'c.status', 'c.assignee_id', 'c.last_message_at', 'c.last_inbound_at', 'c.created_at', 'ch.id as channelId', 'ch.kind as channelKind', 'ch.name as channelName',
      'ct.id as contactId', 'ct.name as contactName', 'p.text as postText', 'p.permalink as postPermalink', 'c.external_thread_id'])
    .where('c.workspace_id', '=', workspaceId);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.channelId) query = query.where('c.channel_id', '=', filter.channelId);
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  if (filter.assigneeId === 'none') query = query.where('c.assignee_id', 'is', null);
  else if (filter.assigneeId) query = query.where('c.assignee_id', '=', filter.assigneeId);
  if (filter.q) {
    const ids = await deps.search(workspaceId, filter.q);
    if (ids.length === 0) return { conversations: [], nextCursor: null };
    query = query.where('c.id', 'in', ids);
  }
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor);
    query = query.where((eb) => eb.or([eb('c.last_message_at', '<', at), eb.and([eb('c.last_message_at', '=', at), eb('c.id', '<', id)])]));
  }
  const rows = await query.orderBy('c.last_message_at', 'desc').orderBy('c.id', 'desc').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  const lastMessages = await latestMessages(deps, workspaceId, page.map((row) => row.id));
  const last = page[page.length - 1];
  return {
    conversations: page.map((row) => ({
      id: row.id, kind: row.kind, status: row.status, assigneeId: row.assignee_id,
      channel: { id: row.channelId, kind: row.channelKind, name: row.channelName },
      contact: row.contactId ? { id: row.contactId, name: row.contactName } : null,
      post: row.postText || row.postPermalink ? { text: row.postText, permalink: row.postPermalink } : null,
      lastMessage: lastMessages.get(row.id) ?? null, lastMessageAt: row.last_message_at, lastInboundAt: row.last_inbound_at, createdAt: row.created_at,
    })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.last_message_at ?? 0, last.id) : null,
  };
}

async function latestMessages(deps: Pick<InboxDeps, 'db'>, workspaceId: string, ids: string[]) {
  const result = new Map<string, { text: string; direction: 'in' | 'out'; kind: string; at: number }>();
  if (ids.length === 0) return result;
  const rows = await deps.db.selectFrom('messages').select(['conversation_id', 'text', 'direction', 'kind', 'created_at', 'platform_created_at', 'seq'])
    .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).where('kind', '!=', 'note')
    .orderBy((eb) => eb.fn.coalesce('platform_created_at', 'created_at'), 'desc').orderBy('seq', 'desc').execute();
  for (const row of rows) {
    if (!result.has(row.conversation_id)) result.set(row.conversation_id, { text: row.text.slice(0, 200), direction: row.direction, kind: row.kind, at: row.platform_created_at ?? row.created_at });
  }
  return result;
}

const encodeCursor = (at: number, id: string) => Buffer.from(`${at}:${id}`).toString('base64url');
function decodeCursor(cursor: string): [number, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  return [Number(at) || 0, id ?? ''];
}
