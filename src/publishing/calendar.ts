import { localTimeToUtc } from '../care/index.ts';
import type { Db, PostStatus, PubVersionsTable } from '../store/index.ts';
import type { PublishNetwork } from './networks.ts';
import { postView, workspaceTimezone, type PostView } from './posts.ts';

export interface CalendarFilter {
  from: string;
  to: string;
  network?: PublishNetwork | undefined;
  channelId?: string | undefined;
  status?: PostStatus | undefined;
}

const MAX_CALENDAR_POSTS = 2000;

/**
 * The posts of the workspace's days `from`..`to` (inclusive, in its time zone), by their
 * scheduled time, with their versions, filtered by network, channel and status. Two indexed
 * reads: posts in the window, then the versions of those posts.
 */
export async function calendarPosts(db: Db, workspaceId: string, filter: CalendarFilter): Promise<{ from: number; to: number; timezone: string; posts: PostView[] }> {
  const timezone = await workspaceTimezone(db, workspaceId);
  const from = localTimeToUtc(filter.from, '00:00', timezone);
  const to = localTimeToUtc(filter.to, '24:00', timezone);
  let query = db.selectFrom('pub_posts').selectAll().where('workspace_id', '=', workspaceId).where('scheduled_at', '>=', from).where('scheduled_at', '<', to);
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
  const posts = await query.orderBy('scheduled_at').orderBy('id').limit(MAX_CALENDAR_POSTS).execute();
  return { from, to, timezone, posts: await withVersions(db, workspaceId, posts) };
}

/** The newest posts first, a page at a time (`before` is the last id of the previous page). */
export async function listPosts(db: Db, workspaceId: string, filter: { status?: PostStatus | undefined; network?: PublishNetwork | undefined; before?: string | undefined; limit: number }): Promise<{ posts: PostView[]; next: string | null }> {
  let query = db.selectFrom('pub_posts').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.before) query = query.where('id', '<', filter.before);
  if (filter.network) {
    const network = filter.network;
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('pub_versions as v').select('v.post_id').whereRef('v.workspace_id', '=', 'pub_posts.workspace_id')
      .whereRef('v.post_id', '=', 'pub_posts.id').where('v.network', '=', network)));
  }
  const rows = await query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  return { posts: await withVersions(db, workspaceId, page), next: rows.length > filter.limit ? page.at(-1)!.id : null };
}

async function withVersions(db: Db, workspaceId: string, posts: Parameters<typeof postView>[0][]): Promise<PostView[]> {
  if (posts.length === 0) return [];
  const byPost = new Map<string, PubVersionsTable[]>();
  for (let i = 0; i < posts.length; i += 500) {
    const ids = posts.slice(i, i + 500).map((p) => p.id);
    const versions = await db.selectFrom('pub_versions').selectAll().where('workspace_id', '=', workspaceId).where('post_id', 'in', ids).execute();
    for (const version of versions) byPost.set(version.post_id, [...(byPost.get(version.post_id) ?? []), version]);
  }
  // Sorted here: an ORDER BY network makes SQLite pick the (workspace, network) index and read every version.
  return posts.map((post) => postView(post, (byPost.get(post.id) ?? []).sort((a, b) => a.network.localeCompare(b.network))));
}
