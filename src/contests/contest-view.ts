import { AppError } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Network } from './deps.ts';

/**
 * What any route may show of a contest. The sealed seed is not among the columns read: the
 * seed appears only from the draw's row, once it has been published.
 */
export async function getContest(db: Db, workspaceId: string, contestId: string) {
  const contest = await db.selectFrom('contests')
    .select(['id', 'name', 'rules_text', 'starts_at', 'ends_at', 'winners_count', 'alternates_count', 'keyword', 'min_tags', 'include_x_mentions', 'excluded_handles', 'commitment', 'status', 'retention_months', 'created_at', 'purged_at'])
    .where('workspace_id', '=', workspaceId).where('id', '=', contestId).executeTakeFirst();
  if (!contest) throw new AppError('contest.not_found', 'Contest not found');
  const [posts, draw] = await Promise.all([
    db.selectFrom('contest_posts as cp').innerJoin('posts as p', (j) => j.onRef('p.workspace_id', '=', 'cp.workspace_id').onRef('p.id', '=', 'cp.post_id'))
      .select(['cp.post_id', 'cp.channel_id', 'cp.network', 'p.text', 'p.permalink', 'p.external_id'])
      .where('cp.workspace_id', '=', workspaceId).where('cp.contest_id', '=', contestId).orderBy('cp.network').execute(),
    db.selectFrom('contest_draws').select(['entries_hash', 'seed', 'picks', 'announcement', 'drawn_at']).where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).executeTakeFirst(),
  ]);
  return {
    id: contest.id, name: contest.name, rulesText: contest.rules_text, startsAt: contest.starts_at, endsAt: contest.ends_at,
    winners: contest.winners_count, alternates: contest.alternates_count, keyword: contest.keyword, minTags: contest.min_tags,
    includeXMentions: contest.include_x_mentions === 1, excludedHandles: JSON.parse(contest.excluded_handles) as string[],
    commitment: contest.commitment, status: contest.status, retentionMonths: contest.retention_months, createdAt: contest.created_at, purgedAt: contest.purged_at,
    posts: posts.map((p) => ({ postId: p.post_id, channelId: p.channel_id, network: p.network, externalId: p.external_id, text: p.text, permalink: p.permalink })),
    draw: draw ? { entriesHash: draw.entries_hash, seed: draw.seed, drawnAt: draw.drawn_at, announcement: draw.announcement } : null,
  };
}

export type ContestView = Awaited<ReturnType<typeof getContest>>;

export async function listContests(db: Db, workspaceId: string) {
  const rows = await db.selectFrom('contests').select(['id', 'name', 'starts_at', 'ends_at', 'status', 'commitment', 'winners_count'])
    .where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').limit(200).execute();
  const counts = await db.selectFrom('contest_entries').select(['contest_id', 'eligible']).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId).groupBy(['contest_id', 'eligible']).execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, startsAt: r.starts_at, endsAt: r.ends_at, status: r.status, commitment: r.commitment, winners: r.winners_count,
    entries: counts.filter((c) => c.contest_id === r.id).reduce((sum, c) => sum + Number(c.n), 0),
    eligible: counts.filter((c) => c.contest_id === r.id && c.eligible === 1).reduce((sum, c) => sum + Number(c.n), 0),
  }));
}

/** Posts of the workspace's Facebook, Instagram and X channels that may carry a contest, newest first. */
export async function listCandidatePosts(db: Db, workspaceId: string) {
  const rows = await db.selectFrom('posts as p').innerJoin('channels as c', (j) => j.onRef('c.workspace_id', '=', 'p.workspace_id').onRef('c.id', '=', 'p.channel_id'))
    .select(['p.id', 'p.channel_id', 'p.external_id', 'p.text', 'p.permalink', 'p.created_at', 'c.kind', 'c.name as channelName'])
    .where('p.workspace_id', '=', workspaceId).where('c.kind', 'in', ['meta', 'x'])
    // A customer's own X post that names the shop is stored as a post too; it is not the shop's.
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('messages as m').select('m.id')
      .whereRef('m.workspace_id', '=', 'p.workspace_id').whereRef('m.channel_id', '=', 'p.channel_id').whereRef('m.external_id', '=', 'p.external_id').where('m.direction', '=', 'in'))))
    .orderBy('p.created_at', 'desc').limit(100).execute();
  return rows.map((r) => {
    const network: Network = r.kind === 'x' ? 'x' : r.external_id.includes('_') ? 'facebook' : 'instagram';
    return { id: r.id, channelId: r.channel_id, channelName: r.channelName, externalId: r.external_id, text: r.text, permalink: r.permalink, createdAt: r.created_at, network };
  });
}
