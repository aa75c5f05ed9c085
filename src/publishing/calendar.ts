import { localTimeToUtc } from '../care/index.ts';
import type { Db, PostStatus, PubPostsTable, PubVersionsTable } from '../store/index.ts';
import type { PublishNetwork } from './networks.ts';
import { workspaceTimezone } from './posts.ts';

export interface CalendarFilter {
  from: string;
  to: string;
  network?: PublishNetwork | undefined;
  channelId?: string | undefined;
  status?: PostStatus | undefined;
}

/** What a calendar cell or a list row shows of a post; the composer reads the whole post. */
export interface CalendarPost {
  id: string;
  status: PubPostsTable['status'];
  approval: PubPostsTable['approval'];
  scheduledAt: number | null;
  campaign: string | null;
  authorId: string;
  versions: { network: PubVersionsTable['network']; channelId: string; status: PubVersionsTable['status']; excerpt: string; permalink: string | null }[];
}

const MAX_CALENDAR_POSTS = 2000;
/** Enough of a text for a calendar chip and a list row. */
export const EXCERPT_CHARS = 90;

/**
 * The posts of the workspace's days `from`..`to` (inclusive, in its time zone), by their
 * scheduled time, filtered by network, channel and status. One indexed join that reads only
 * what the calendar shows (a text excerpt, not the text, media or failure details): the
 * posts by `(workspace, scheduled_at)` (or `(workspace, status, scheduled_at)`), their
 * versions by `(workspace, post, network)`. A network or channel filter keeps only the
 * matching versions of each post.
 */
export async function calendarPosts(db: Db, workspaceId: string, filter: CalendarFilter): Promise<{ from: number; to: number; timezone: string; posts: CalendarPost[]; truncated: boolean }> {
  const timezone = await workspaceTimezone(db, workspaceId);
  const from = localTimeToUtc(filter.from, '00:00', timezone);
  const to = localTimeToUtc(filter.to, '24:00', timezone);
  let query = db.selectFrom('pub_posts').select(['id', 'status', 'approval', 'scheduled_at', 'campaign', 'author_id'])
    .where('workspace_id', '=', workspaceId).where('scheduled_at', '>=', from).where('scheduled_at', '<', to);
  if (filter.status) query = query.where('status', '=', filter.status);
  else query = query.where('status', '!=', 'deleted');
  if (filter.network || filter.channelId) {
    // Correlated per post (the unique (workspace, post, network) index), not a scan of every version of the network.
    query = query.where(({ exists, selectFrom }) => {
      let sub = selectFrom('pub_versions as v').select('v.post_id').whereRef('v.workspace_id', '=', 'pub_posts.workspace_id').whereRef('v.post_id', '=', 'pub_posts.id');
      if (filter.network) sub = sub.where('v.network', '=', filter.network);
      if (filter.channelId) sub = sub.where('v.channel_id', '=', filter.channelId);
      return exists(sub);
    });
  }
  const rows = await query.orderBy('scheduled_at').orderBy('id').limit(MAX_CALENDAR_POSTS + 1).execute();
  const posts = rows.slice(0, MAX_CALENDAR_POSTS);
  return { from, to, timezone, posts: await withCompactVersions(db, workspaceId, posts, filter), truncated: rows.length > MAX_CALENDAR_POSTS };
}

/** The newest posts first, a page at a time (`before` is the last id of the previous page), compact as in the calendar. */
export async function listPosts(db: Db, workspaceId: string, filter: { status?: PostStatus | undefined; network?: PublishNetwork | undefined; before?: string | undefined; limit: number }): Promise<{ posts: CalendarPost[]; next: string | null }> {
  let query = db.selectFrom('pub_posts').select(['id', 'status', 'approval', 'scheduled_at', 'campaign', 'author_id']).where('workspace_id', '=', workspaceId);
  if (filter.status) query = query.where('status', '=', filter.status);
  else query = query.where('status', '!=', 'deleted');
  if (filter.before) query = query.where('id', '<', filter.before);
  if (filter.network) {
    const network = filter.network;
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('pub_versions as v').select('v.post_id').whereRef('v.workspace_id', '=', 'pub_posts.workspace_id')
      .whereRef('v.post_id', '=', 'pub_posts.id').where('v.network', '=', network)));
  }
  const rows = await query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  return { posts: await withCompactVersions(db, workspaceId, page, filter), next: rows.length > filter.limit ? page.at(-1)!.id : null };
}

type PostRow = Pick<PubPostsTable, 'id' | 'status' | 'approval' | 'scheduled_at' | 'campaign' | 'author_id'>;

async function withCompactVersions(db: Db, workspaceId: string, posts: PostRow[], filter: { network?: PublishNetwork | undefined; channelId?: string | undefined }): Promise<CalendarPost[]> {
  if (posts.length === 0) return [];
  const byPost = new Map<string, CalendarPost['versions']>();
  for (let i = 0; i < posts.length; i += 500) {
    const ids = posts.slice(i, i + 500).map((p) => p.id);
    let query = db.selectFrom('pub_versions')
      .select(['post_id', 'network', 'channel_id', 'status', 'permalink', (eb) => eb.fn<string>('substr', ['text', eb.val(1), eb.val(EXCERPT_CHARS)]).as('excerpt')])
      .where('workspace_id', '=', workspaceId).where('post_id', 'in', ids);
    if (filter.network) query = query.where('network', '=', filter.network);
    if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
    for (const v of await query.execute()) {
      const list = byPost.get(v.post_id) ?? [];
      list.push({ network: v.network, channelId: v.channel_id, status: v.status, excerpt: v.excerpt, permalink: v.permalink });
      byPost.set(v.post_id, list);
    }
  }
  // Sorted here: an ORDER BY network makes SQLite pick the (workspace, network) index and read every version.
  return posts.map((post) => ({
    id: post.id, status: post.status, approval: post.approval, scheduledAt: post.scheduled_at === null ? null : Number(post.scheduled_at), campaign: post.campaign,
    authorId: post.author_id, versions: (byPost.get(post.id) ?? []).sort((a, b) => a.network.localeCompare(b.network)),
  }));
}
