import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta } from '../../channels/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from '../../inbox/testing.ts';
import { testDialects } from '../../store/testing.ts';
import { insertOrder, insertShop, insertShopCustomer } from '../fixtures-for-tests.ts';
import { attributeOrder } from './attribute-order.ts';

const dialects = await testDialects();
const DAY = 86_400_000;

describe.each(dialects)('attribution on %s', (dialect) => {
  let h: MetaHarness;
  let shopId: string;
  beforeEach(async () => {
    h = await startMetaHarness(dialect);
    shopId = await insertShop(h.relais.store.db, h.workspaceId);
  });
  afterEach(async () => { await h.dispose(); });

  const db = () => h.relais.store.db;
  const deps = () => ({ db: db(), clock: h.relais.clock });
  const rows = (orderId: string) => db().selectFrom('order_attributions').select(['model', 'source_channel_id', 'source_channel_kind', 'agent_id', 'conversation_id', 'revenue_cents', 'detail'])
    .where('order_id', '=', orderId).orderBy('model').execute();
  const ownerId = async () => (await h.owner.get('/api/v1/me')).body.user.id as string;

  /** A customer who wrote on Messenger `daysBefore` days before now, answered by the owner. */
  async function conversationWith(psid: string) {
    await h.post(meta.page(meta.message(PAGE_ID, { psid, mid: `m_${psid}`, text: 'Bonjour, la bague lune existe en or ?', at: h.relais.clock.now() })));
    await h.settle();
    const conversation = await db().selectFrom('conversations').select(['id', 'contact_id']).where('external_thread_id', 'like', `%${psid}%`).executeTakeFirstOrThrow();
    expect((await h.owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Oui, en or 18 carats.', visibility: 'private' })).status).toBe(201);
    return conversation;
  }

  it('credits an order with a code Relais created to its channel and conversation', async () => {
    const conversation = await conversationWith('62001');
    await db().insertInto('promo_codes').values({
      workspace_id: h.workspaceId, id: 'promo-1', channel_id: shopId, code: 'RELAIS-ABCDEFGH', origin: 'relais', percent: 10, expires_at: null, external_id: 'pr_1',
      source_channel_id: h.channelId, post_id: null, agent_id: null, conversation_id: conversation.id, checkout_id: null, created_at: h.relais.clock.now(),
    }).execute();
    // Placed 10 days later: too late to count as conversation-assisted, but the code still tells.
    const orderId = await insertOrder(db(), h.workspaceId, shopId, { discountCodes: ['relais-abcdefgh'], totalCents: 5400, placedAt: h.relais.clock.now() + 10 * DAY });
    expect(await attributeOrder(deps(), h.workspaceId, orderId)).toEqual(['promo_code']);
    expect(await rows(orderId)).toEqual([expect.objectContaining({ model: 'promo_code', source_channel_id: h.channelId, source_channel_kind: 'meta', conversation_id: conversation.id, revenue_cents: 5400 })]);
    expect(JSON.parse((await rows(orderId))[0]!.detail)).toMatchObject({ code: 'RELAIS-ABCDEFGH', origin: 'relais' });
  });

  it('credits an order that landed with utm_source=facebook to the social source, and ignores other sources', async () => {
    const social = await insertOrder(db(), h.workspaceId, shopId, { landingSite: '/products/bague-lune?utm_source=Facebook&utm_medium=social&utm_campaign=noel', placedAt: h.relais.clock.now() });
    const referred = await insertOrder(db(), h.workspaceId, shopId, { referringSite: 'https://t.co/x?utm_source=twitter', placedAt: h.relais.clock.now() });
    const newsletter = await insertOrder(db(), h.workspaceId, shopId, { landingSite: '/?utm_source=newsletter', placedAt: h.relais.clock.now() });
    expect(await attributeOrder(deps(), h.workspaceId, social)).toEqual(['utm']);
    expect(await rows(social)).toEqual([expect.objectContaining({ model: 'utm', source_channel_kind: 'facebook', source_channel_id: h.channelId })]);
    expect(JSON.parse((await rows(social))[0]!.detail)).toEqual({ utmSource: 'facebook', utmMedium: 'social', utmCampaign: 'noel', from: 'landing_site' });
    expect(await attributeOrder(deps(), h.workspaceId, referred)).toEqual(['utm']);
    expect((await rows(referred))[0]).toMatchObject({ source_channel_kind: 'x', source_channel_id: null });
    expect(await attributeOrder(deps(), h.workspaceId, newsletter)).toEqual([]);
  });

  it('credits an order placed within 3 days of a conversation to that conversation and the agent who answered', async () => {
    const conversation = await conversationWith('62002');
    const customer = await insertShopCustomer(db(), h.workspaceId, shopId, { email: 'client@example.fr', contactId: conversation.contact_id });
    const inTime = await insertOrder(db(), h.workspaceId, shopId, { shopCustomerId: customer, totalCents: 8900, placedAt: h.relais.clock.now() + 2 * DAY });
    const tooLate = await insertOrder(db(), h.workspaceId, shopId, { shopCustomerId: customer, placedAt: h.relais.clock.now() + 4 * DAY });
    expect(await attributeOrder(deps(), h.workspaceId, inTime)).toEqual(['conversation_assisted']);
    expect(await rows(inTime)).toEqual([expect.objectContaining({ model: 'conversation_assisted', conversation_id: conversation.id, agent_id: await ownerId(), source_channel_id: h.channelId, revenue_cents: 8900 })]);
    expect(await attributeOrder(deps(), h.workspaceId, tooLate)).toEqual([]);
    // A cancelled order counts for nothing, even when recomputed.
    await db().updateTable('orders').set({ status: 'cancelled' }).where('id', '=', inTime).execute();
    expect(await attributeOrder(deps(), h.workspaceId, inTime)).toEqual([]);
    expect(await rows(inTime)).toEqual([]);
  });

  it('maps an existing code to a channel and an agent, re-attributes its orders, and reports per channel, model and agent', async () => {
    const orderId = await insertOrder(db(), h.workspaceId, shopId, { discountCodes: ['INFLUENCE10'], landingSite: '/?utm_source=instagram', totalCents: 3000, placedAt: Date.UTC(2026, 10, 20, 15) });
    expect(await attributeOrder(deps(), h.workspaceId, orderId)).toEqual(['utm']);
    const agentId = await ownerId();
    const mapped = await h.owner.post('/api/v1/promo-codes/map', { shopChannelId: shopId, code: 'influence10', sourceChannelId: h.channelId, agentId });
    expect(mapped.status).toBe(201);
    expect(mapped.body.reattributed).toBe(1);
    expect((await rows(orderId)).map((r) => r.model)).toEqual(['promo_code', 'utm']);

    const report = await h.owner.get('/api/v1/reports/attribution?from=2026-11-01&to=2026-11-30');
    expect(report.status).toBe(200);
    expect(report.body.totals).toEqual([{ currency: 'EUR', orders: 1, revenueCents: 3000 }]);
    expect(report.body.byModel.map((r: any) => [r.key, r.orders, r.revenueCents])).toEqual([['promo_code', 1, 3000], ['utm', 1, 3000]]);
    expect(report.body.byChannel).toEqual([expect.objectContaining({ key: h.channelId, label: 'Boutique Léa (Facebook, Instagram)', orders: 1, revenueCents: 3000 })]);
    expect(report.body.byAgent).toEqual([expect.objectContaining({ key: agentId, label: 'Léa Martin', orders: 1 })]);
    const empty = await h.owner.get('/api/v1/reports/attribution?from=2026-12-01&to=2026-12-31');
    expect(empty.body.totals).toEqual([]);
  });

  it('re-attributes the orders of a mapped code with an underscore, and only that code', async () => {
    const withCode = await insertOrder(db(), h.workspaceId, shopId, { discountCodes: ['ETE_10'], totalCents: 2500, placedAt: Date.UTC(2026, 10, 20, 15) });
    const lookalike = await insertOrder(db(), h.workspaceId, shopId, { discountCodes: ['ETEX10'], totalCents: 2500, placedAt: Date.UTC(2026, 10, 20, 16) });
    const mapped = await h.owner.post('/api/v1/promo-codes/map', { shopChannelId: shopId, code: 'ete_10', sourceChannelId: h.channelId });
    expect(mapped.status).toBe(201);
    expect(mapped.body.reattributed).toBe(1);
    expect((await rows(withCode)).map((r) => r.model)).toEqual(['promo_code']);
    expect(await rows(lookalike)).toEqual([]);
  });

  it('reads report days as the workspace’s days in Paris, across the October and March clock changes', async () => {
    const sold = async (placedAt: number, totalCents: number) => {
      const orderId = await insertOrder(db(), h.workspaceId, shopId, { landingSite: '/?utm_source=facebook', totalCents, placedAt });
      expect(await attributeOrder(deps(), h.workspaceId, orderId)).toEqual(['utm']);
    };
    await sold(Date.parse('2026-10-31T23:30:00Z'), 100); // 1 November, 00:30 in Paris
    await sold(Date.parse('2026-11-30T22:30:00Z'), 200); // 30 November, 23:30 in Paris
    await sold(Date.parse('2026-11-30T23:30:00Z'), 400); // 1 December, 00:30 in Paris
    await sold(Date.parse('2026-03-28T23:30:00Z'), 1000); // 29 March, 00:30 (winter time)
    await sold(Date.parse('2026-03-29T21:59:00Z'), 2000); // 29 March, 23:59 (summer time)
    await sold(Date.parse('2026-03-29T22:30:00Z'), 4000); // 30 March, 00:30
    const total = async (from: string, to: string) => (await h.owner.get(`/api/v1/reports/attribution?from=${from}&to=${to}`)).body.totals;
    expect(await total('2026-11-01', '2026-11-30')).toEqual([{ currency: 'EUR', orders: 2, revenueCents: 300 }]);
    expect(await total('2026-12-01', '2026-12-01')).toEqual([{ currency: 'EUR', orders: 1, revenueCents: 400 }]);
    expect(await total('2026-03-29', '2026-03-29')).toEqual([{ currency: 'EUR', orders: 2, revenueCents: 3000 }]);
    expect(await total('2026-03-30', '2026-03-30')).toEqual([{ currency: 'EUR', orders: 1, revenueCents: 4000 }]);
    expect((await h.owner.get('/api/v1/reports/attribution?from=2026-01-01&to=2026-12-31')).status).toBe(200);
    expect((await h.owner.get('/api/v1/reports/attribution?from=2026-01-01&to=2027-01-02')).status).toBe(400);
  });

  it('refuses bad report periods and bad mappings with a clear 4xx, changing nothing', async () => {
    expect((await h.owner.get('/api/v1/reports/attribution?from=2026-11-30&to=2026-11-01')).status).toBe(400);
    expect((await h.owner.get('/api/v1/reports/attribution?from=yesterday&to=2026-11-01')).status).toBe(400);
    expect((await h.owner.post('/api/v1/promo-codes/map', { shopChannelId: shopId, code: 'NOTIES' })).status).toBe(400);
    expect((await h.owner.post('/api/v1/promo-codes/map', { shopChannelId: shopId, code: 'X"; DROP', sourceChannelId: h.channelId })).status).toBe(400);
    expect((await h.owner.post('/api/v1/promo-codes/map', { shopChannelId: 'nope', code: 'OK10', sourceChannelId: h.channelId })).status).toBe(404);
    await db().insertInto('promo_codes').values({
      workspace_id: h.workspaceId, id: 'promo-r', channel_id: shopId, code: 'RELAIS-OWN', origin: 'relais', percent: 10, expires_at: null, external_id: null,
      source_channel_id: h.channelId, post_id: null, agent_id: null, conversation_id: null, checkout_id: null, created_at: 1,
    }).execute();
    const ours = await h.owner.post('/api/v1/promo-codes/map', { shopChannelId: shopId, code: 'relais-own', sourceChannelId: h.channelId });
    expect(ours.status).toBe(409);
    expect(ours.body.error.code).toBe('promo_code.created_by_relais');
    expect((await db().selectFrom('promo_codes').select('code').execute()).map((r) => r.code)).toEqual(['RELAIS-OWN']);
  });
});
