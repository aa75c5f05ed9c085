import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts';
import { addChannel } from '../../channels/index.ts';
import { meta, signedMetaRequest } from '../../channels/testing.ts';
import { insertOrder } from '../../commerce/testing.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../../http/testing.ts';
import { waitFor } from '../../jobs/testing.ts';

const DAY = 86_400_000;
const SHOP = 'maison-lune-amb.myshopify.com';
const PAGE_ID = '1000000000000099';
const META_SECRET = 'amb-meta-secret';
const SHOPIFY_SECRET = 'amb-shopify-secret';

interface World { relais: TestRelais; owner: Browser; workspaceId: string; post(payload: unknown): Promise<void>; settle(): Promise<void>; dispose(): Promise<void> }

async function startWorld(): Promise<World> {
  const relais = await startTestRelais('sqlite', { RELAIS_META_APP_SECRET: META_SECRET, RELAIS_SHOPIFY_APP_SECRET: SHOPIFY_SECRET });
  const owner = await setUpOwner(relais.app);
  const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
  await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, {
    workspaceId, kind: 'meta', name: 'Maison Lune', externalId: PAGE_ID, accountIds: [PAGE_ID], apiBase: 'http://127.0.0.1:9/v19.0', credentials: { pageToken: 'page-token' },
  });
  await relais.queue.start();
  return {
    relais, owner, workspaceId,
    async post(payload) {
      const { body, headers } = signedMetaRequest(payload, META_SECRET);
      const response = await relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: body, headers });
      if (response.statusCode !== 200) throw new Error(response.body);
    },
    settle: () => waitFor(async () => (await relais.store.db.selectFrom('inbound_events').select('id').where('status', '=', 'received').execute()).length === 0, 15_000, 'the deliveries'),
    dispose: () => relais.dispose(),
  };
}

// A seeded workspace: comments through the webhooks, their classification and ages fixed by
// hand (the classifier's own output is tested elsewhere), an order, and a sale with a personal code.
describe('ambassadors', () => {
  let h: World;
  let sandbox: Sandbox;
  let now: number;
  let shopId: string;
  const contact = async (name: string) => (await h.relais.store.db.selectFrom('contacts').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const comment = (n: number, who: { id: string; name: string }, post: string, text: string) =>
    meta.comment(PAGE_ID, { commentId: `${post}_${n}`, postId: post, from: who, message: text, at: now });
  /** The classifier's verdict and the comment's age, as seeded. */
  const seed = async (n: number, post: string, sentiment: 'positive' | 'negative', daysAgo: number) => {
    const at = now - daysAgo * DAY;
    await h.relais.store.db.updateTable('messages').set({ sentiment, platform_created_at: at, created_at: at }).where('external_id', '=', `${post}_${n}`).execute();
  };

  beforeAll(async () => {
    h = await startWorld();
    const url = await h.relais.listen();
    sandbox = await startSandbox({ relaisUrl: url, clock: h.relais.clock, shopify: { appSecret: SHOPIFY_SECRET } });
    sandbox.shopify.addShop({ domain: SHOP, accessToken: 'shpat_amb', name: 'Maison Lune' });
    now = h.relais.clock.now();
    const P1 = `${PAGE_ID}_1`;
    const P2 = `${PAGE_ID}_2`;
    const camille = { id: '7001', name: 'Camille Martin' };
    const hugo = { id: '7002', name: 'Hugo Leroy' };
    const troll = { id: '7003', name: 'Zoé Grognon' };
    const nina = { id: '7004', name: 'Nina Ancienne' };
    await h.post(meta.page(
      comment(1, camille, P2, 'Magnifique collection !'), comment(2, camille, P2, 'J’adore mes boucles'), comment(3, camille, P1, 'Je participe, trop belle'),
      comment(4, hugo, P1, 'Superbe'), comment(5, hugo, P2, 'Livraison lente'),
      comment(6, troll, P2, 'Nul'), comment(7, troll, P2, 'Toujours nul'),
      comment(8, nina, P2, 'Très jolie'),
    ));
    // Hugo likes the post (Meta tells who reacted).
    await h.post(meta.page({ id: PAGE_ID, time: Math.floor(now / 1000), changes: [{ field: 'feed', value: { item: 'reaction', verb: 'add', reaction_type: 'like', post_id: P1, parent_id: P1, from: hugo, created_time: Math.floor(now / 1000) } }] }));
    await h.settle();
    await seed(1, P2, 'positive', 60);
    await seed(2, P2, 'positive', 30);
    await seed(3, P1, 'positive', 0);
    await seed(4, P1, 'positive', 0);
    await seed(5, P2, 'negative', 10);
    await seed(6, P2, 'negative', 5);
    await seed(7, P2, 'negative', 4);
    await seed(8, P2, 'positive', 100);
    // Camille's comment on P1 is an eligible contest entry; Hugo's lacks the keyword and does not count.
    const post = (await h.owner.get('/api/v1/contests/posts')).body.posts.find((p: any) => p.externalId === P1);
    const contest = await h.owner.post('/api/v1/contests', { name: 'Lune', startsAt: now - DAY, endsAt: now + DAY, winners: 1, postIds: [post.id], keyword: 'participe' });
    expect((await h.owner.get(`/api/v1/contests/${contest.body.contest.id}/entries`)).body.counts).toEqual({ facebook: { entries: 2, eligible: 1 } });

    const shop = await h.owner.post('/api/v1/shops', { platform: 'shopify', shopDomain: SHOP, accessToken: 'shpat_amb', apiBase: sandbox.url });
    expect(shop.status, JSON.stringify(shop.body)).toBe(201);
    shopId = shop.body.id;
    // Camille ordered herself, 15 days ago.
    await insertOrder(h.relais.store.db, h.workspaceId, shopId, { contactId: await contact('Camille Martin'), totalCents: 8900, placedAt: now - 15 * DAY });
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
    await h?.dispose();
  });

  it('scores each contact as computed by hand, explains it, and leaves negative-only contacts out', async () => {
    expect((await h.owner.request('PUT', '/api/v1/ambassadors/settings', { threshold: 5 })).status).toBe(200);
    const board = (await h.owner.get('/api/v1/ambassadors?days=90')).body;
    // Camille: positive comments 2·(0.5^(60/30) + 0.5^(30/30) + 1) = 3.5; entry 1; order 5·0.5^(15/30) = 3.536 → 8.0
    // Hugo: one positive comment today = 2, one like today = 0.5 (his one negative does not exclude him).
    // Zoé: negative only, left out. Nina: 100 days ago, outside the window.
    expect(board.ambassadors.map((a: any) => [a.name, a.score, a.ambassador])).toEqual([['Camille Martin', 8, true], ['Hugo Leroy', 2.5, false]]);
    expect(board.ambassadors[0].explanation).toBe('3 commentaires positifs, 1 participation à un jeu, 1 commande en 90 jours');
    expect(board.ambassadors[1].explanation).toBe('1 commentaire positif, 1 j’aime en 90 jours');

    const year = (await h.owner.get('/api/v1/ambassadors?days=365')).body;
    expect(year.ambassadors.find((a: any) => a.name === 'Nina Ancienne').score).toBe(0.2); // 2·0.5^(100/30) = 0.198
    const instagram = (await h.owner.get('/api/v1/ambassadors?network=instagram')).body;
    expect(instagram.ambassadors).toEqual([]);
    const facebook = (await h.owner.get('/api/v1/ambassadors?network=facebook')).body;
    expect(facebook.ambassadors.map((a: any) => [a.name, a.score])).toEqual([['Camille Martin', 4.5], ['Hugo Leroy', 2.5]]);
    expect((await h.owner.get('/api/v1/ambassadors?days=3')).status).toBe(400);
  });

  it('creates the personal code at the shop in one click, and its orders count in the score and the attribution report', async () => {
    const camille = await contact('Camille Martin');
    const created = await h.owner.post(`/api/v1/ambassadors/${camille}/code`, { shopChannelId: shopId, percent: 15 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.code).toMatch(/^CAMILLE-[A-Z2-9]{4}$/);
    expect((await h.owner.post(`/api/v1/ambassadors/${camille}/code`, { shopChannelId: shopId, percent: 15 })).body).toMatchObject({ code: created.body.code, created: false });
    expect([...sandbox.shopify.shop(SHOP).discountCodes.values()].map((c) => c.code)).toEqual([created.body.code]);

    // A friend orders with Camille's code, through the shop's webhook.
    await sandbox.shopify.createOrder({ shop: SHOP, email: 'amie@example.com', lineItems: [{ title: 'Bague lune', price: '59.00' }], discountCodes: [created.body.code] });
    await sandbox.shopify.idle();
    await waitFor(async () => (await h.relais.store.db.selectFrom('order_attributions').select('order_id').where('model', '=', 'promo_code').execute()).length === 1, 10_000, 'the order to be attributed');

    const board = (await h.owner.get('/api/v1/ambassadors?days=90')).body;
    const top = board.ambassadors[0];
    expect([top.name, top.score]).toEqual(['Camille Martin', 16]); // 8.0 + one sale with her code today (8)
    expect(top.explanation).toBe('3 commentaires positifs, 1 participation à un jeu, 1 commande, 1 vente avec son code en 90 jours');
    expect(top.codes).toEqual([{ code: created.body.code, percent: 15 }]);
    expect(top.codeRevenue).toEqual([{ currency: 'EUR', cents: 5900 }]);

    const day = new Date(now).toISOString().slice(0, 10);
    const report = (await h.owner.get(`/api/v1/reports/attribution?from=${day}&to=${day}`)).body;
    expect(report.byAmbassador).toEqual([expect.objectContaining({ key: camille, label: 'Camille Martin', orders: 1, revenueCents: 5900, currency: 'EUR' })]);
  });
});
