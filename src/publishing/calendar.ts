import { localTimeToUtc } from '../care/index.ts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Db, PostStatus, PubPostsTable, PubVersionsTable } from '../store/index.ts';
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
  /** The start of the text of its first version (by network name), enough for a chip or a row. */
  excerpt: string;
  versions: { network: PubVersionsTable['network']; status: PubVersionsTable['status'] }[];
}

const MAX_CALENDAR_POSTS = 2000;
/** Enough of a text for a calendar chip and a list row. */
export const EXCERPT_CHARS = 90;

/**
 * The posts of the workspace's days `from`..`to` (inclusive, in its time zone), by their
 * scheduled time, filtered by network, channel and status. Reads only what the calendar
 * shows (no texts beyond one excerpt, no media or failure details), in one query: the posts
 * by `(workspace, scheduled_at)` (or `(workspace, status, scheduled_at)`), each with one
 * excerpt and its versions' networks and statuses read from the covering index
 * `pub_versions_calendar_idx` (migration 0022). A network or channel filter keeps only the
 * matching versions of each post.
 */
export async function calendarPosts(db: Db, workspaceId: string, filter: CalendarFilter): Promise<{ from: number; to: number; timezone: string; posts: CalendarPost[]; truncated: boolean }> {
  const timezone = await workspaceTimezone(db, workspaceId);
  const from = localTimeToUtc(filter.from, '00:00', timezone);
  const to = localTimeToUtc(filter.to, '24:00', timezone);
  let query = db.selectFrom('pub_posts').select((eb) => [...POST_COLUMNS, excerpt(eb), versionsOf(eb, filter)])
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
  return { from, to, timezone, posts: posts.map(compact), truncated: rows.length > MAX_CALENDAR_POSTS };
}

/** The newest posts first, a page at a time (`before` is the last id of the previous page), compact as in the calendar. */
export async function listPosts(db: Db, workspaceId: string, filter: { status?: PostStatus | undefined; network?: PublishNetwork | undefined; before?: string | undefined; limit: number }): Promise<{ posts: CalendarPost[]; next: string | null }> {
  let query = db.selectFrom('pub_posts').select((eb) => [...POST_COLUMNS, excerpt(eb), versionsOf(eb, filter)]).where('workspace_id', '=', workspaceId);
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
  return { posts: page.map(compact), next: rows.length > filter.limit ? page.at(-1)!.id : null };
}

const POST_COLUMNS = ['id', 'status', 'approval', 'scheduled_at', 'campaign', 'author_id'] as const;
type PostRow = Pick<PubPostsTable, (typeof POST_COLUMNS)[number]> & { excerpt: string | null; versions: string | null };

/** The start of the post's first version's text, one index probe and one row per post. */
function excerpt(eb: ExpressionBuilder<Database, 'pub_posts'>) {
  return eb.selectFrom('pub_versions as e').select((inner) => inner.fn<string>('substr', ['e.text', inner.val(1), inner.val(EXCERPT_CHARS)]).as('x'))
    .whereRef('e.workspace_id', '=', 'pub_posts.workspace_id').whereRef('e.post_id', '=', 'pub_posts.id').orderBy('e.network').limit(1).as('excerpt');
}

/**
 * Each post's versions as `network:status` pairs, gathered per post inside the covering
 * index (`pub_versions_calendar_idx`): one probe per post, no version row read.
 */
function versionsOf(eb: ExpressionBuilder<Database, 'pub_posts'>, filter: { network?: PublishNetwork | undefined; channelId?: string | undefined }) {
  let sub = eb.selectFrom('pub_versions as w').select(sql<string | null>`string_agg(w.network || ':' || w.status, ',')`.as('v'))
    .whereRef('w.workspace_id', '=', 'pub_posts.workspace_id').whereRef('w.post_id', '=', 'pub_posts.id');
  if (filter.network) sub = sub.where('w.network', '=', filter.network);
  if (filter.channelId) sub = sub.where('w.channel_id', '=', filter.channelId);
  return sub.as('versions');
}

function compact(post: PostRow): CalendarPost {
  const versions = (post.versions ?? '').split(',').filter(Boolean).map((pair) => {
    const [network, status] = pair.split(':') as [PubVersionsTable['network'], PubVersionsTable['status']];
    return { network, status };
  });
  return {
    id: post.id, status: post.status, approval: post.approval, scheduledAt: post.scheduled_at === null ? null : Number(post.scheduled_at), campaign: post.campaign,
    authorId: post.author_id, excerpt: post.excerpt ?? '', versions: versions.sort((a, b) => a.network.localeCompare(b.network)),
  };
}
