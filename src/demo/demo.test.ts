import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/testing.ts';
import { freshDemoDir } from './data-dir.ts';
import { runDemo, type Demo } from './index.ts';

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Signs in over real HTTP with the printed credentials, keeping cookies as a browser does. */
async function signIn(base: string, credentials: { email: string; password: string }): Promise<Call> {
  const jar = new Map<string, string>();
  const call: Call = async (method, path, body) => {
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && jar.has('relais_csrf')) headers['x-csrf-token'] = jar.get('relais_csrf')!;
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  await call('GET', '/api/v1/session');
  const signedIn = await call('POST', '/api/v1/auth/sign-in', credentials);
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
  return call;
}

describe('relais demo', () => {
  let dir: string;
  let demo: Demo;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-demo-'));
    demo = await runDemo({ port: 0, dataDir: dir, speed: 100, print: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the Maison Lune inbox, and a reply typed by an agent reaches the sandbox', async () => {
    expect(lines.some((line) => line.includes(demo.credentials.email) && line.includes(demo.credentials.password))).toBe(true);
    const agent = await signIn(demo.url, demo.credentials);
    expect((await agent('GET', '/api/v1/me')).body).toMatchObject({ workspace: { name: 'Maison Lune' }, role: 'owner' });
    expect((await agent('GET', '/api/v1/members')).body.members).toHaveLength(4);
    expect((await agent('GET', '/api/v1/labels')).body.labels.map((l: any) => l.name).sort()).toEqual(['Livraison', 'Retour', 'SAV', 'Spam', 'Taille']);
    expect((await agent('GET', '/api/v1/canned-replies')).body.cannedReplies.some((r: any) => r.body.includes('{{contact.first_name}}') && r.body.includes('{{agent.first_name}}'))).toBe(true);

    const open = async () => (await agent('GET', '/api/v1/conversations?view=open')).body.conversations as any[];
    await waitFor(async () => (await open()).length >= 6, 10_000, 'a handful of conversations');
    const thread = (await open()).find((c) => c.kind === 'private' && c.contact?.name === 'Camille Martin');
    expect(thread).toBeDefined();
    const text = 'Bonjour Camille, votre colis part aujourd’hui 📦';
    const reply = await agent('POST', `/api/v1/conversations/${thread.id}/messages`, { text, visibility: 'private', idempotencyKey: 'demo-reply-camille-1' });
    expect(reply.status).toBe(201);
    await waitFor(() => demo.sandbox.meta.sent.some((s) => s.text === text), 10_000, 'the reply in the sandbox');
    expect(demo.sandbox.meta.sent.find((s) => s.text === text)).toMatchObject({ platform: 'messenger', recipientId: '6100000000000001' });
  });

  it('plays the whole day: events, teammates at work, an edited and a removed comment', async () => {
    await demo.played;
    await waitFor(() => lines.some((line) => line.startsWith('◀ Sandbox received for Léa Dubois (Instagram DM)')), 5000, 'Sarah’s reply');
    expect(lines.filter((line) => line.startsWith('⚠'))).toEqual([]);
    expect(lines).toContain('▶ Instagram DM from Léa: Dispo en 38 ? La robe Céleste 😍');
    expect(lines.some((line) => line.startsWith('▶ Facebook comment from James: Hi! Do you ship to Belgium?'))).toBe(true);
    expect(lines.some((line) => line.startsWith('▶ Manon edited a Facebook comment'))).toBe(true);
    const mine = await demo.relais.store.db.selectFrom('conversations').select('id').where('assignee_id', '=', (eb) => eb.selectFrom('users').select('id').where('email', '=', demo.credentials.email)).execute();
    expect(mine).toHaveLength(3); // "Mine" is not empty for the newcomer
    const statuses = await demo.relais.store.db.selectFrom('messages').select(['text', 'status', 'edited_at']).where('kind', '=', 'comment').execute();
    expect(statuses.find((m) => m.text.startsWith('Quelqu’un sait'))?.status).toBe('deleted');
    expect(statuses.find((m) => m.text.startsWith('Commande passée samedi, reçue'))?.edited_at).not.toBeNull();
  });

  it('is a whole shop day: conversations on Meta, X and the site chat, Shopify and WooCommerce orders (#4512 included), carts, one recovered', async () => {
    await demo.played;
    const { db } = demo.relais.store;
    const kinds = await db.selectFrom('channels').select('kind').where('workspace_id', '=', demo.workspaceId).execute();
    expect(kinds.map((c) => c.kind).sort()).toEqual(['meta', 'shopify', 'webchat', 'woocommerce', 'x']);
    await waitFor(async () => {
      const rows = await db.selectFrom('conversations as c').innerJoin('channels as ch', 'ch.id', 'c.channel_id').select(['ch.kind', 'c.kind as conversationKind']).where('c.workspace_id', '=', demo.workspaceId).execute();
      return rows.some((r) => r.kind === 'x' && r.conversationKind === 'public') && rows.some((r) => r.kind === 'x' && r.conversationKind === 'private');
    }, 10_000, 'the X mention and DM as conversations');
    for (const line of ['▶ X mention from Camille', '▶ X DM from Théo', '▶ Shopify: Léa comes back and orders her cart', '▶ WooCommerce: Inès books a workshop', '▶ Site chat from Emma (signed in on the shop: verified)', '▶ Site chat from a visitor']) {
      expect(lines.some((l) => l.startsWith(line))).toBe(true);
    }
    await waitFor(async () => (await db.selectFrom('orders').select('id').where('workspace_id', '=', demo.workspaceId).execute()).length >= 7, 10_000, 'the shops’ orders');
    const orders = await db.selectFrom('orders as o').innerJoin('channels as ch', 'ch.id', 'o.channel_id').select(['o.number', 'ch.kind', 'o.contact_id', 'o.tracking_url']).where('o.workspace_id', '=', demo.workspaceId).execute();
    expect(orders.filter((o) => o.kind === 'shopify').map((o) => o.number).sort()).toEqual(['#4512', '#4513', '#4514', '#4515']);
    expect(orders.filter((o) => o.kind === 'woocommerce')).toHaveLength(3);
    await waitFor(async () => Boolean((await db.selectFrom('orders').select('tracking_url').where('number', '=', '#4512').executeTakeFirst())?.tracking_url), 10_000, '#4512 shipped');
    const carts = await db.selectFrom('checkouts').select(['email', 'order_id', 'completed_at']).where('workspace_id', '=', demo.workspaceId).execute();
    expect(carts).toHaveLength(2);
    expect(carts.find((c) => c.email === 'lea.dubois@example.fr')?.completed_at).not.toBeNull();
    expect(carts.find((c) => c.email === 'emma.laurent@example.fr')?.completed_at).toBeNull();
    expect(lines.filter((line) => line.startsWith('⚠'))).toEqual([]);

    // Léa's cart, two hours old, was recovered on Instagram with a one-time code, and she used it.
    const recovery = demo.sandbox.meta.sent.find((m) => m.recipientId === '6100000000000002' && m.text?.includes('/recover'));
    expect(recovery).toMatchObject({ platform: 'instagram' });
    const code = /RELAIS-[A-Z0-9]{8}/.exec(recovery!.text!)![0];
    const leaOrder = await db.selectFrom('orders').select(['id', 'discount_codes']).where('workspace_id', '=', demo.workspaceId).where('number', '=', '#4515').executeTakeFirstOrThrow();
    expect(leaOrder.discount_codes).toContain(code);
    expect(await db.selectFrom('recovery_decisions').select(['outcome']).where('workspace_id', '=', demo.workspaceId).execute()).toEqual([{ outcome: 'sent' }]);

    // The site chat: Emma, signed in on the shop's page, is linked to her shop account; a passer-by stays anonymous.
    const site = await db.selectFrom('conversations as c').innerJoin('channels as ch', 'ch.id', 'c.channel_id').leftJoin('contacts as k', 'k.id', 'c.contact_id')
      .select(['k.name', 'k.email']).where('c.workspace_id', '=', demo.workspaceId).where('ch.kind', '=', 'webchat').execute();
    expect(site).toHaveLength(2);
    expect(site.find((c) => c.email === 'emma.laurent@example.fr')?.name).toBe('Emma Laurent');
    const page = await fetch(`${demo.sandbox.site.pageUrl}`);
    expect(await page.text()).toContain(`${demo.url}/widget.js`);

    // The owner sees it: Camille's panel has her order, and the attribution report has figures.
    const owner = await signIn(demo.url, demo.credentials);
    const camille = await db.selectFrom('identities').select('contact_id').where('external_id', '=', '6100000000000001').executeTakeFirstOrThrow();
    const panel = await owner('GET', `/api/v1/contacts/${camille.contact_id}/commerce`);
    expect(panel.status).toBe(200);
    expect(JSON.stringify(panel.body)).toContain('#4512');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const report = await owner('GET', `/api/v1/reports/attribution?from=${day(-1)}&to=${day(1)}`);
    expect(report.status).toBe(200);
    // Léa's order: she talked with Sarah on Instagram, then came back through a tagged link.
    // (At test speed #4512 may count too: Camille writes within milliseconds of ordering.)
    expect(report.body.totals[0].orders).toBeGreaterThanOrEqual(1);
    expect(report.body.byModel.find((m: any) => m.key === 'utm')).toMatchObject({ orders: 1, revenueCents: 8900 });
    expect(report.body.byModel.map((m: any) => m.key)).toContain('conversation_assisted');
    expect(report.body.byAgent.map((a: any) => a.label)).toContain('Sarah Lemoine');
    expect(report.body.byModel.find((m: any) => m.key === 'promo_code')).toMatchObject({ orders: 1, revenueCents: 8900 });
    const commerce = await owner('GET', `/api/v1/reports/commerce?from=${day(-1)}&to=${day(1)}`);
    expect(commerce.body.recoveredCarts).toEqual([{ carts: 1, orders: 1, revenueCents: 8900, currency: 'EUR' }]);
  });

  it('has posts scheduled for the coming days and a jeu-concours running on the Page, its entries counted', async () => {
    await demo.played;
    const owner = await signIn(demo.url, demo.credentials);
    const posts = (await owner('GET', '/api/v1/posts?status=scheduled')).body;
    expect(JSON.stringify(posts)).toContain('La robe Céleste revient en bleu nuit');
    const scheduled = await demo.relais.store.db.selectFrom('pub_posts').select(['status', 'scheduled_at']).where('workspace_id', '=', demo.workspaceId).execute();
    expect(scheduled.map((p) => p.status)).toEqual(['scheduled', 'scheduled']);
    expect(scheduled.every((p) => p.scheduled_at! > Date.now())).toBe(true);
    const contests = (await owner('GET', '/api/v1/contests')).body.contests as any[];
    expect(contests).toHaveLength(1);
    expect(contests[0]).toMatchObject({ name: 'Jeu-concours : une robe Céleste à gagner', status: 'open' });
    await waitFor(async () => {
      const entries = await demo.relais.store.db.selectFrom('contest_entries').select(['eligible']).where('workspace_id', '=', demo.workspaceId).execute();
      return entries.length === 3 && entries.every((e) => e.eligible === 1);
    }, 10_000, 'the three entries (Nina, Olivia, Hugo), each eligible');
    expect(lines.some((line) => line.startsWith('🎁 Sarah opens the jeu-concours'))).toBe(true);
  });

  it('wipes only a data dir the demo made itself', () => {
    const mine = freshDemoDir(join(dir, 'again'));
    writeFileSync(join(mine, 'relais.sqlite'), 'stale');
    expect(readdirSync(freshDemoDir(mine))).toEqual(['.relais-demo']);
    const real = join(dir, 'real-data');
    mkdirSync(real);
    writeFileSync(join(real, 'relais.sqlite'), 'precious');
    expect(() => freshDemoDir(real)).toThrow(/refusing to wipe/);
    expect(readdirSync(real)).toEqual(['relais.sqlite']);
  });
});
