/**
 * What the shop planned beyond the inbox, through the same use-cases as the console and the
 * API: posts Sarah scheduled for the coming days on Facebook and X, and the jeu-concours
 * running on the Page's contest post, whose entries are the customers' comments.
 */
import { shopAdapters } from '../commerce/index.ts';
import { contestsDepsFrom, createContest, refreshEntries } from '../contests/index.ts';
import type { Relais } from '../main.ts';
import { createPost, schedulePost } from '../publishing/index.ts';
import { shop } from './shop.ts';

const DAY = 86_400_000;

/** `YYYY-MM-DD` in the shop's time zone, `days` from now. */
function localDay(now: number, days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now + days * DAY);
}

/** Sarah, the community manager, writes and schedules the coming days' posts. */
export async function scheduleDemoPosts(relais: Relais, workspaceId: string, authorId: string, channels: { meta: string; x: string }): Promise<string[]> {
  const { timezone } = await relais.store.db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const now = relais.inbox.clock.now();
  const plans = [
    {
      campaign: 'Céleste bleu nuit', scheduledAt: `${localDay(now, 1, timezone)}T09:30`,
      versions: [
        { network: 'facebook' as const, channelId: channels.meta, text: 'La robe Céleste revient en bleu nuit 🌙 Lin lavé, du 34 au 44, fabriquée en France. En boutique à Paris et sur maisonlune.fr dès ce matin.' },
        { network: 'x' as const, channelId: channels.x, text: 'La robe Céleste revient en bleu nuit 🌙 Lin lavé, du 34 au 44, fabriquée en France.' },
      ],
    },
    {
      campaign: 'Atelier bijoux', scheduledAt: `${localDay(now, 2, timezone)}T18:00`,
      versions: [{ network: 'facebook' as const, channelId: channels.meta, text: 'Samedi, atelier bijoux avec Inès : façonnez vos créoles en laiton doré, thé et gâteaux compris. Il reste 4 places, réservation sur atelier.maisonlune.fr ✨' }],
    },
  ];
  const scheduled: string[] = [];
  for (const plan of plans) {
    const post = await createPost(relais.publishing, workspaceId, authorId, {
      campaign: plan.campaign, link: null, scheduledAt: plan.scheduledAt, deal: null,
      versions: plan.versions.map((version) => ({ ...version, mediaIds: [], title: null, boardId: null })),
    });
    await schedulePost(relais.publishing, { workspaceId, userId: authorId, canApprove: false }, post.id);
    scheduled.push(`${plan.campaign} (${plan.scheduledAt.replace('T', ' ')}, ${plan.versions.map((v) => v.network).join(' + ')})`);
  }
  return scheduled;
}

/**
 * Sarah opens the jeu-concours on the Page's contest post once Relais knows the post (its
 * first comment brought it in): one winner and two alternates, « je participe » and a tagged
 * friend to enter, the shop's own account excluded. The entries so far are counted at once.
 */
export async function openDemoContest(relais: Relais, workspaceId: string, authorId: string): Promise<{ postId: string; entries: number; eligible: number } | undefined> {
  const post = await relais.store.db.selectFrom('posts').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', shop.posts.contest.id).executeTakeFirst();
  if (!post) return undefined;
  const deps = contestsDepsFrom(relais.inbox, (platform) => shopAdapters.get(platform));
  const now = relais.inbox.clock.now();
  const { id } = await createContest(deps, workspaceId, authorId, {
    name: 'Jeu-concours : une robe Céleste à gagner', organiser: 'Maison Lune', startsAt: now - 2 * 60 * 60_000, endsAt: now + 5 * DAY,
    winners: 1, alternates: 2, postIds: [post.id], keyword: 'je participe', minTags: 1, includeXMentions: false,
    excludedHandles: [shop.page.instagramUsername], retentionMonths: 6,
  });
  const counts = Object.values(await refreshEntries(deps, workspaceId, id));
  return { postId: post.id, entries: counts.reduce((n, c) => n + c.entries, 0), eligible: counts.reduce((n, c) => n + c.eligible, 0) };
}
