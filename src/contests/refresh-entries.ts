import { AppError } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { ContestsDeps } from './deps.ts';
import { judgeEntries, type Candidate, type ContestConditions } from './judge-entries.ts';

export type EntryCounts = Record<string, { entries: number; eligible: number }>;

interface Row {
  id: string;
  channel_id: string;
  conversation_id: string;
  author_id: string | null;
  text: string;
  status: 'visible' | 'hidden' | 'deleted';
  meta: string;
  platform_created_at: number | null;
  created_at: number;
  post_id: string | null;
}

const surfaceNetwork = (surface: unknown): string | null => (surface === 'facebook' || surface === 'instagram' || surface === 'x' ? surface : null);

/** The customer comments a contest may count: on its entry posts, and X posts with its hashtag when asked. */
async function candidateRows(db: Db, workspaceId: string, contest: { id: string; keyword: string | null; include_x_mentions: number; starts_at: number; ends_at: number }, postIds: string[]): Promise<Row[]> {
  const base = () => db.selectFrom('messages as m').innerJoin('conversations as v', (j) => j.onRef('v.workspace_id', '=', 'm.workspace_id').onRef('v.id', '=', 'm.conversation_id'))
    .select(['m.id', 'm.channel_id', 'm.conversation_id', 'm.author_id', 'm.text', 'm.status', 'm.meta', 'm.platform_created_at', 'm.created_at', 'v.post_id'])
    .where('m.workspace_id', '=', workspaceId).where('m.kind', '=', 'comment').where('m.direction', '=', 'in').where('m.author_type', '=', 'contact')
    // An erased person's comments keep their row without an author: they are no entry any more.
    .where('m.author_id', 'is not', null);
  const onPosts = postIds.length > 0 ? await base().where('v.post_id', 'in', postIds).execute() : [];
  if (!contest.include_x_mentions || !contest.keyword?.startsWith('#')) return onPosts;
  // X posts naming the shop with the hashtag, anywhere (a week either side is read, the dates are judged after).
  const week = 7 * 86_400_000;
  const mentions = await base().innerJoin('channels as c', (j) => j.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.channel_id'))
    .where('c.kind', '=', 'x').where('m.created_at', '>=', contest.starts_at - week).where('m.created_at', '<', contest.ends_at + week).execute();
  const known = new Set(onPosts.map((r) => r.id));
  const tag = contest.keyword.toLowerCase();
  return [...onPosts, ...mentions.filter((r) => !known.has(r.id) && r.text.toLowerCase().includes(tag))];
}

/** The shop's own handles on its channels (X screen name, Instagram username). */
async function shopHandles(db: Db, workspaceId: string): Promise<string[]> {
  const channels = await db.selectFrom('channels').select('settings').where('workspace_id', '=', workspaceId).execute();
  return channels.flatMap((c) => {
    const settings = JSON.parse(c.settings) as Record<string, unknown>;
    return [settings.screenName, settings.instagramUsername, settings.username].filter((h): h is string => typeof h === 'string' && h.length > 0).map((h) => h.replace(/^@/, '').toLowerCase());
  });
}

/** Team members' contacts (same email as a member) and the contacts the shop excluded by hand. */
async function excludedContacts(db: Db, workspaceId: string): Promise<Map<string, 'team' | 'blocked'>> {
  const [listed, team] = await Promise.all([
    db.selectFrom('contest_exclusions').select(['contact_id', 'kind']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('contacts as c').innerJoin('users as u', (j) => j.on((eb) => eb(eb.fn('lower', ['u.email']), '=', eb.fn('lower', ['c.email']))))
      .innerJoin('memberships as ms', (j) => j.onRef('ms.user_id', '=', 'u.id').onRef('ms.workspace_id', '=', 'c.workspace_id'))
      .select('c.id').where('c.workspace_id', '=', workspaceId).where('c.email', 'is not', null).execute(),
  ]);
  const map = new Map<string, 'team' | 'blocked'>(team.map((t) => [t.id, 'team']));
  for (const row of listed) map.set(row.contact_id, row.kind);
  return map;
}

export async function entryCounts(db: Db, workspaceId: string, contestId: string): Promise<EntryCounts> {
  const rows = await db.selectFrom('contest_entries').select(['network', 'eligible']).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).groupBy(['network', 'eligible']).execute();
  const counts: EntryCounts = {};
  for (const row of rows) {
    const entry = counts[row.network] ?? { entries: 0, eligible: 0 };
    entry.entries += Number(row.n);
    if (row.eligible === 1) entry.eligible += Number(row.n);
    counts[row.network] = entry;
  }
  return counts;
}

/**
 * Re-judges every entry of an open contest from the stored comments (a hide or an edit since
 * the last pass counts) and rewrites its entries; a drawn contest's entries are frozen. When
 * the counts per network changed, the consoles hear `contest.entries`.
 */
export async function refreshEntries(deps: ContestsDeps, workspaceId: string, contestId: string): Promise<EntryCounts> {
  const { db } = deps;
  const contest = await db.selectFrom('contests').select(['id', 'status', 'keyword', 'min_tags', 'include_x_mentions', 'excluded_handles', 'starts_at', 'ends_at', 'purged_at'])
    .where('workspace_id', '=', workspaceId).where('id', '=', contestId).executeTakeFirst();
  if (!contest) throw new AppError('contest.not_found', 'Contest not found');
  if (contest.status !== 'open' || contest.purged_at) return entryCounts(db, workspaceId, contestId);

  const posts = await db.selectFrom('contest_posts').select(['post_id', 'network']).where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).execute();
  const rows = await candidateRows(db, workspaceId, contest, posts.map((p) => p.post_id));
  const contactIds = [...new Set(rows.map((r) => r.author_id).filter((id): id is string => id !== null))];
  const [identities, contacts, shop, excluded] = await Promise.all([
    contactIds.length ? db.selectFrom('identities').select(['contact_id', 'handle']).where('workspace_id', '=', workspaceId).where('contact_id', 'in', contactIds).execute() : [],
    contactIds.length ? db.selectFrom('contacts').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', contactIds).execute() : [],
    shopHandles(db, workspaceId),
    excludedContacts(db, workspaceId),
  ]);
  const postNetwork = new Map(posts.map((p) => [p.post_id, p.network]));
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const candidates: (Candidate & { channelId: string; conversationId: string; authorName: string | null })[] = rows.map((r) => {
    const meta = JSON.parse(r.meta) as { surface?: unknown; authorName?: string | null; charter?: { action?: string } };
    return {
      id: r.id, channelId: r.channel_id, conversationId: r.conversation_id, contactId: r.author_id, text: r.text, status: r.status,
      network: surfaceNetwork(meta.surface) ?? (r.post_id ? postNetwork.get(r.post_id) : undefined) ?? 'x',
      handles: identities.filter((i) => i.contact_id === r.author_id && i.handle).map((i) => i.handle!.replace(/^@/, '').toLowerCase()),
      enteredAt: r.platform_created_at ?? r.created_at, charterHide: meta.charter?.action === 'hide',
      authorName: meta.authorName ?? (r.author_id ? names.get(r.author_id) ?? null : null),
    };
  });
  const conditions: ContestConditions = {
    startsAt: contest.starts_at, endsAt: contest.ends_at, keyword: contest.keyword, minTags: contest.min_tags,
    excludedHandles: new Set([...shop, ...(JSON.parse(contest.excluded_handles) as string[])]), excludedContacts: excluded,
  };
  const judged = judgeEntries(candidates, conditions);
  const before = await entryCounts(db, workspaceId, contestId);
  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    // The contest's row lock serialises concurrent refreshes (a job and a page load): on
    // PostgreSQL a second delete-then-insert would otherwise miss the first one's rows.
    await trx.updateTable('contests').set({ updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', contestId).execute();
    await trx.deleteFrom('contest_entries').where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).execute();
    for (let i = 0; i < judged.length; i += 200) {
      await trx.insertInto('contest_entries').values(judged.slice(i, i + 200).map((e) => {
        const c = e as (typeof candidates)[number] & typeof e;
        return {
          workspace_id: workspaceId, contest_id: contestId, id: c.id, network: c.network, channel_id: c.channelId, conversation_id: c.conversationId,
          contact_id: c.contactId, author_name: c.authorName, text: c.text, entered_at: c.enteredAt, eligible: c.eligible ? 1 : 0, reason: c.reason, updated_at: now,
        };
      })).execute();
    }
    // The comments were read before this transaction: a contact erased in between must not come back.
    await trx.deleteFrom('contest_entries').where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).where('contact_id', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('contacts').select('contacts.id').where('contacts.workspace_id', '=', workspaceId).whereRef('contacts.id', '=', 'contest_entries.contact_id'))))
      .execute();
  });
  const after = await entryCounts(db, workspaceId, contestId);
  if (JSON.stringify(before) !== JSON.stringify(after)) await deps.bus.publish(workspaceId, 'contest.entries', { contestId, counts: after });
  return after;
}

/** Refreshes every open contest of a workspace (after new comments arrive). */
export async function refreshOpenContests(deps: ContestsDeps, workspaceId: string): Promise<number> {
  const open = await deps.db.selectFrom('contests').select('id').where('workspace_id', '=', workspaceId).where('status', '=', 'open').where('purged_at', 'is', null).execute();
  for (const contest of open) await refreshEntries(deps, workspaceId, contest.id);
  return open.length;
}

export async function listEntries(db: Db, workspaceId: string, contestId: string) {
  const rows = await db.selectFrom('contest_entries').select(['id', 'network', 'contact_id', 'author_name', 'text', 'entered_at', 'eligible', 'reason', 'conversation_id'])
    .where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).orderBy('entered_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, network: r.network, contactId: r.contact_id, authorName: r.author_name, text: r.text, enteredAt: r.entered_at, eligible: r.eligible === 1, reason: r.reason, conversationId: r.conversation_id }));
}
