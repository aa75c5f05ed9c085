import { localTimeToUtc, zoneOffsetMs } from '../care/index.ts';
import type { Db } from '../store/index.ts';
import type { PublishNetwork } from './networks.ts';
import { workspaceTimezone } from './posts.ts';
import { getPublishingSettings } from './settings.ts';
import { foldText } from './validate-post.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const SILENT_DAYS = 3;
export const REPEAT_DAYS = 30;
/** How many posts' worth of weight the prior carries in each hour-of-week cell. */
export const PRIOR_WEIGHT = 3;
/** Below this many measured posts on a network, best times lean mostly on the prior. */
export const ENOUGH_POSTS = 20;

export interface CoachWarning {
  code: 'coach.over_rhythm' | 'coach.silent' | 'coach.repeated_text';
  network: PublishNetwork;
  message: string;
  evidence: Record<string, unknown>;
}

/** The local wall clock of an instant: its day, weekday (0 = Monday) and hour. */
export function wallClock(at: number, timeZone: string): { day: string; weekday: number; hour: number } {
  const wall = new Date(at + zoneOffsetMs(at, timeZone));
  return { day: wall.toISOString().slice(0, 10), weekday: (wall.getUTCDay() + 6) % 7, hour: wall.getUTCHours() };
}

const ACTIVE = ['scheduled', 'publishing', 'published'] as const;

/**
 * What the coach says about one more post on `network` at `at`: over the day's target rhythm
 * (the third post of a day when the target is two), a network left silent for several days,
 * a text already posted there in the last 30 days (case, accents and links aside).
 */
export async function coachWarnings(db: Db, workspaceId: string, draft: { network: PublishNetwork; at: number; text: string; postId?: string | undefined }): Promise<CoachWarning[]> {
  const timezone = await workspaceTimezone(db, workspaceId);
  const { rhythm } = await getPublishingSettings(db, workspaceId);
  const warnings: CoachWarning[] = [];
  const { day } = wallClock(draft.at, timezone);
  const dayStart = localTimeToUtc(day, '00:00', timezone);
  const dayEnd = localTimeToUtc(day, '24:00', timezone);
  const base = () => {
    let q = db.selectFrom('pub_versions').where('workspace_id', '=', workspaceId).where('network', '=', draft.network).where('status', 'in', [...ACTIVE]);
    if (draft.postId) q = q.where('post_id', '!=', draft.postId);
    return q;
  };
  const when = (eb: any) => eb.fn.coalesce('published_at', 'due_at');
  const sameDay = await base().select((eb) => eb.fn.countAll<number>().as('n')).where((eb) => eb.between(when(eb), dayStart, dayEnd - 1)).executeTakeFirstOrThrow();
  const count = Number(sameDay.n) + 1;
  const target = rhythm[draft.network];
  if (count > target) {
    warnings.push({ code: 'coach.over_rhythm', network: draft.network, message: `Post ${count} of the day on ${draft.network}; the target is ${target}`, evidence: { day, postsThatDay: count, target } });
  }
  const last = await base().select((eb) => eb.fn.coalesce('published_at', 'due_at').as('at')).where((eb) => eb(when(eb), '<', draft.at)).orderBy((eb) => when(eb), 'desc').limit(1).executeTakeFirst();
  const lastAt = last ? Number(last.at) : null;
  if (lastAt === null || draft.at - lastAt > SILENT_DAYS * DAY_MS) {
    const days = lastAt === null ? null : Math.floor((draft.at - lastAt) / DAY_MS);
    warnings.push({ code: 'coach.silent', network: draft.network, message: days === null ? `Nothing posted on ${draft.network} yet` : `${days} days without a post on ${draft.network}`, evidence: { lastPostAt: lastAt, days } });
  }
  const key = foldText(draft.text);
  if (key.length > 0) {
    const repeat = await base().select(['post_id', (eb) => when(eb).as('at')]).where('text_key', '=', key)
      .where((eb) => eb.between(when(eb), draft.at - REPEAT_DAYS * DAY_MS, draft.at + REPEAT_DAYS * DAY_MS)).limit(1).executeTakeFirst();
    if (repeat) warnings.push({ code: 'coach.repeated_text', network: draft.network, message: `The same text went out on ${draft.network} within 30 days`, evidence: { postId: repeat.post_id, at: Number(repeat.at) } });
  }
  return warnings;
}

/**
 * The general prior: what posting times look like for a shop's audience before its own data
 * speaks — low at night, rising through the morning, peaks at lunch (12–13 h) and in the
 * evening (18–21 h), weekends a little later. A shape, scaled to the workspace's mean.
 */
export function priorShape(weekday: number, hour: number): number {
  const weekend = weekday >= 5;
  const h = weekend ? hour - 1 : hour;
  if (h < 7) return 0.3;
  if (h < 11) return 0.8;
  if (h < 14) return 1.2;
  if (h < 17) return 0.9;
  if (h < 22) return 1.3;
  return 0.6;
}

export interface BestTimes {
  network: PublishNetwork;
  timezone: string;
  posts: number;
  enoughData: boolean;
  /** 7 × 24 cells, Monday first: engagement per post, shrunk toward the prior. */
  cells: { weekday: number; hour: number; score: number; posts: number }[];
  best: { weekday: number; hour: number; score: number }[];
}

/**
 * Best times to post on a network from the workspace's own engagement: each published post's
 * latest engagement (likes, comments, shares, saves, clicks) lands in its hour of the week
 * (workspace time), and each cell's mean is pulled toward the prior in proportion to how few
 * posts it has: (sum + k·prior) / (n + k). Says when there is too little data.
 */
export async function bestTimes(db: Db, workspaceId: string, network: PublishNetwork): Promise<BestTimes> {
  const timezone = await workspaceTimezone(db, workspaceId);
  const rows = await latestEngagement(db, workspaceId, network);
  const mean = rows.length > 0 ? rows.reduce((s, r) => s + r.engagement, 0) / rows.length : 1;
  const sums = new Map<number, { sum: number; n: number }>();
  for (const row of rows) {
    const { weekday, hour } = wallClock(row.publishedAt, timezone);
    const cell = sums.get(weekday * 24 + hour) ?? { sum: 0, n: 0 };
    cell.sum += row.engagement;
    cell.n += 1;
    sums.set(weekday * 24 + hour, cell);
  }
  const cells = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const cell = sums.get(weekday * 24 + hour) ?? { sum: 0, n: 0 };
      const prior = mean * priorShape(weekday, hour);
      cells.push({ weekday, hour, posts: cell.n, score: (cell.sum + PRIOR_WEIGHT * prior) / (cell.n + PRIOR_WEIGHT) });
    }
  }
  const best = [...cells].sort((a, b) => b.score - a.score).slice(0, 5).map(({ weekday, hour, score }) => ({ weekday, hour, score }));
  return { network, timezone, posts: rows.length, enoughData: rows.length >= ENOUGH_POSTS, cells, best };
}

async function latestEngagement(db: Db, workspaceId: string, network: PublishNetwork): Promise<{ versionId: string; publishedAt: number; engagement: number }[]> {
  const versions = await db.selectFrom('pub_versions').select(['id', 'published_at']).where('workspace_id', '=', workspaceId).where('network', '=', network)
    .where('status', '=', 'published').where('published_at', 'is not', null).orderBy('published_at', 'desc').limit(2000).execute();
  if (versions.length === 0) return [];
  const latest = new Map<string, number>();
  for (let i = 0; i < versions.length; i += 500) {
    const ids = versions.slice(i, i + 500).map((v) => v.id);
    const metrics = await db.selectFrom('pub_metrics').select(['version_id', 'at', 'likes', 'comments', 'shares', 'saves', 'clicks'])
      .where('workspace_id', '=', workspaceId).where('version_id', 'in', ids).orderBy('at').execute();
    for (const m of metrics) latest.set(m.version_id, m.likes + m.comments + m.shares + m.saves + m.clicks);
  }
  return versions.filter((v) => latest.has(v.id)).map((v) => ({ versionId: v.id, publishedAt: Number(v.published_at), engagement: latest.get(v.id)! }));
}

/**
 * Whether to post more or less often: engagement per post on days with one post, two, three
 * or more. When days with more posts keep (≥ 80 %) the per-post engagement, raising the rhythm
 * costs nothing; when it falls below 60 %, lower it. The groups are the evidence.
 */
export async function rhythmAdvice(db: Db, workspaceId: string, network: PublishNetwork) {
  const timezone = await workspaceTimezone(db, workspaceId);
  const rows = await latestEngagement(db, workspaceId, network);
  const days = new Map<string, number[]>();
  for (const row of rows) {
    const { day } = wallClock(row.publishedAt, timezone);
    days.set(day, [...(days.get(day) ?? []), row.engagement]);
  }
  const groups = new Map<string, { days: number; posts: number; engagement: number }>();
  for (const list of days.values()) {
    const key = list.length >= 3 ? '3+' : String(list.length);
    const g = groups.get(key) ?? { days: 0, posts: 0, engagement: 0 };
    g.days += 1;
    g.posts += list.length;
    g.engagement += list.reduce((s, e) => s + e, 0);
    groups.set(key, g);
  }
  const evidence = ['1', '2', '3+'].filter((k) => groups.has(k)).map((k) => {
    const g = groups.get(k)!;
    return { postsPerDay: k, days: g.days, posts: g.posts, engagementPerPost: g.engagement / g.posts };
  });
  const { rhythm } = await getPublishingSettings(db, workspaceId);
  const target = rhythm[network];
  const perPost = (k: string) => evidence.find((e) => e.postsPerDay === k)?.engagementPerPost;
  const low = perPost('1');
  const high = target >= 2 ? perPost('3+') ?? undefined : perPost('2');
  let suggestion: 'raise' | 'lower' | 'keep' | 'not_enough_data' = 'not_enough_data';
  if (rows.length >= ENOUGH_POSTS && low !== undefined && high !== undefined) suggestion = high >= 0.8 * low ? 'raise' : high < 0.6 * low ? 'lower' : 'keep';
  return { network, target, suggestion, evidence };
}

/**
 * "Add to queue": the next free good slot on a network — among the five best hours of the week,
 * the first one from an hour from now that keeps the day within the target rhythm and is at
 * least 3 hours from another post there.
 */
export async function nextQueueSlot(db: Db, workspaceId: string, network: PublishNetwork, now: number): Promise<{ at: number; weekday: number; hour: number }> {
  const times = await bestTimes(db, workspaceId, network);
  const good = new Set(times.best.map((c) => c.weekday * 24 + c.hour));
  const { rhythm } = await getPublishingSettings(db, workspaceId);
  const taken = await db.selectFrom('pub_versions').select((eb) => eb.fn.coalesce('published_at', 'due_at').as('at')).where('workspace_id', '=', workspaceId)
    .where('network', '=', network).where('status', 'in', [...ACTIVE]).where((eb) => eb(eb.fn.coalesce('published_at', 'due_at'), '>=', now - DAY_MS)).execute();
  const times_ = taken.map((t) => Number(t.at));
  const start = Math.ceil((now + HOUR_MS) / HOUR_MS) * HOUR_MS;
  for (let at = start; at < now + 21 * DAY_MS; at += HOUR_MS) {
    const { weekday, hour, day } = wallClock(at, times.timezone);
    if (!good.has(weekday * 24 + hour)) continue;
    if (times_.some((t) => Math.abs(t - at) < 3 * HOUR_MS)) continue;
    const sameDay = times_.filter((t) => wallClock(t, times.timezone).day === day).length;
    if (sameDay >= rhythm[network]) continue;
    return { at, weekday, hour };
  }
  return { at: start, ...wallClock(start, times.timezone) };
}
