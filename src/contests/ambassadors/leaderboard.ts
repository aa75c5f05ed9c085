import type { Db } from '../../store/index.ts';
import { explainScore, scoreContacts, type Signal } from './score.ts';

const DAY = 86_400_000;
const network = (meta: string): string | null => {
  const surface = (JSON.parse(meta) as { surface?: unknown }).surface;
  return surface === 'facebook' || surface === 'instagram' || surface === 'x' ? surface : null;
};

export async function ambassadorThreshold(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('ambassador_settings').select('threshold').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row?.threshold ?? 20;
}

export async function saveAmbassadorThreshold(db: Db, workspaceId: string, threshold: number, now: number): Promise<{ threshold: number }> {
  await db.insertInto('ambassador_settings').values({ workspace_id: workspaceId, threshold, updated_at: now })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ threshold, updated_at: now })).execute();
  return { threshold };
}

/** Every signal of the window, read from what Relais stores: comments, likes, entries, orders, code sales. */
async function readSignals(db: Db, workspaceId: string, from: number, to: number) {
  const [messages, entries, orders, sales, likes] = await Promise.all([
    db.selectFrom('messages as m').innerJoin('conversations as v', (j) => j.onRef('v.workspace_id', '=', 'm.workspace_id').onRef('v.id', '=', 'm.conversation_id'))
      .leftJoin('posts as p', (j) => j.onRef('p.workspace_id', '=', 'v.workspace_id').onRef('p.id', '=', 'v.post_id'))
      .select(['m.author_id', 'm.sentiment', 'm.meta', 'm.platform_created_at', 'm.created_at', 'm.external_id', 'p.external_id as postExternalId'])
      .where('m.workspace_id', '=', workspaceId).where('m.direction', '=', 'in').where('m.kind', '=', 'comment').where('m.author_id', 'is not', null)
      .where('m.created_at', '>=', from).where('m.created_at', '<', to).execute(),
    // Entries the contest accepted; a refused one is still a comment, counted as such.
    db.selectFrom('contest_entries').select(['contact_id', 'network', 'entered_at']).where('workspace_id', '=', workspaceId).where('contact_id', 'is not', null).where('eligible', '=', 1)
      .where('entered_at', '>=', from).where('entered_at', '<', to).execute(),
    db.selectFrom('orders').select(['contact_id', 'placed_at']).where('workspace_id', '=', workspaceId).where('contact_id', 'is not', null)
      .where('status', 'not in', ['cancelled', 'refunded']).where('placed_at', '>=', from).where('placed_at', '<', to).execute(),
    db.selectFrom('order_attributions as a').innerJoin('ambassador_codes as k', (j) => j.onRef('k.workspace_id', '=', 'a.workspace_id').onRef('k.promo_code_id', '=', 'a.promo_code_id'))
      .select(['k.contact_id', 'a.placed_at', 'a.revenue_cents', 'a.currency']).where('a.workspace_id', '=', workspaceId).where('a.model', '=', 'promo_code')
      .where('a.placed_at', '>=', from).where('a.placed_at', '<', to).execute(),
    // Likes where the platform says who (Facebook and Instagram reactions, X likes), by identity.
    db.selectFrom('reactions_by_author as r').innerJoin('identities as i', (j) => j.onRef('i.workspace_id', '=', 'r.workspace_id').onRef('i.channel_id', '=', 'r.channel_id').onRef('i.external_id', '=', 'r.author_external_id'))
      .select(['i.contact_id', 'r.surface', 'r.created_at']).where('r.workspace_id', '=', workspaceId).where('r.created_at', '>=', from).where('r.created_at', '<', to).execute(),
  ]);
  const signals: Signal[] = [];
  const negatives = new Map<string, { all: number; byNetwork: Map<string, number> }>();
  for (const m of messages) {
    const at = m.platform_created_at ?? m.created_at;
    const net = network(m.meta);
    if (m.sentiment === 'positive') signals.push({ contactId: m.author_id!, kind: 'positive_comment', at, network: net });
    if (m.sentiment === 'negative') {
      const n = negatives.get(m.author_id!) ?? { all: 0, byNetwork: new Map() };
      n.all += 1;
      if (net) n.byNetwork.set(net, (n.byNetwork.get(net) ?? 0) + 1);
      negatives.set(m.author_id!, n);
    }
    // A post of their own naming the shop (an X mention that starts its own thread): a tag.
    if (m.external_id && m.external_id === m.postExternalId) signals.push({ contactId: m.author_id!, kind: 'tag', at, network: net });
  }
  for (const e of entries) signals.push({ contactId: e.contact_id!, kind: 'entry', at: e.entered_at, network: e.network });
  for (const o of orders) signals.push({ contactId: o.contact_id!, kind: 'order', at: o.placed_at, network: null });
  for (const l of likes) signals.push({ contactId: l.contact_id, kind: 'like', at: l.created_at, network: l.surface === 'facebook' || l.surface === 'instagram' || l.surface === 'x' ? l.surface : null });
  for (const s of sales) signals.push({ contactId: s.contact_id, kind: 'code_sale', at: s.placed_at, network: null });
  return { signals, negatives, sales };
}

export interface LeaderboardQuery {
  network: 'all' | 'facebook' | 'instagram' | 'x';
  days: number;
}

/**
 * The ambassadors leaderboard over the last `days`: scores with their explanation, the
 * "Ambassadeur" label above the shop's threshold, and each one's personal codes with the
 * revenue they brought. A network filter keeps that network's signals (orders and code
 * sales belong to no network and count only in the "all" view).
 */
export async function ambassadorLeaderboard(db: Db, workspaceId: string, query: LeaderboardQuery, now: number) {
  const from = now - query.days * DAY;
  const { signals, negatives, sales } = await readSignals(db, workspaceId, from, now + 1);
  const kept = query.network === 'all' ? signals : signals.filter((s) => s.network === query.network);
  const negativeCounts = new Map([...negatives].map(([id, n]) => [id, query.network === 'all' ? n.all : n.byNetwork.get(query.network) ?? 0]));
  const scores = scoreContacts(kept, negativeCounts, now).slice(0, 100);
  const threshold = await ambassadorThreshold(db, workspaceId);
  const ids = scores.map((s) => s.contactId);
  const [contacts, codes] = ids.length === 0 ? [[], []] : await Promise.all([
    db.selectFrom('contacts').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute(),
    db.selectFrom('ambassador_codes as k').innerJoin('promo_codes as p', (j) => j.onRef('p.workspace_id', '=', 'k.workspace_id').onRef('p.id', '=', 'k.promo_code_id'))
      .select(['k.contact_id', 'p.code', 'p.percent']).where('k.workspace_id', '=', workspaceId).where('k.contact_id', 'in', ids).execute(),
  ]);
  return {
    threshold, days: query.days, network: query.network,
    ambassadors: scores.map((s) => ({
      contactId: s.contactId, name: contacts.find((c) => c.id === s.contactId)?.name ?? null, score: s.score, counts: s.counts,
      explanation: explainScore(s.counts, query.days), ambassador: s.score >= threshold,
      codes: codes.filter((c) => c.contact_id === s.contactId).map((c) => ({ code: c.code, percent: c.percent })),
      codeRevenue: sales.filter((x) => x.contact_id === s.contactId).reduce<{ currency: string; cents: number }[]>((acc, x) => {
        const row = acc.find((r) => r.currency === x.currency) ?? acc[acc.push({ currency: x.currency, cents: 0 }) - 1]!;
        row.cents += Number(x.revenue_cents);
        return acc;
      }, []),
    })),
  };
}
