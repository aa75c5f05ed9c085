import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../store/testing.ts';
import { reconcileShop } from './index.ts';
import { startShopHarness, type ShopHarness } from './testing.ts';

const billing = { email: 'Chloe@Example.fr', firstName: 'Chloé', lastName: 'Durand', phone: '06 12 34 56 78' };
const lines = [{ name: 'Théière fonte', price: '39.50', sku: 'TH-2' }];

describe.each(await testDialects())('WooCommerce webhooks (%s)', (dialect) => {
  let h: ShopHarness;
  beforeAll(async () => {
    h = await startShopHarness(dialect);
  });
  afterAll(async () => h?.dispose());
  const db = () => h.relais.store.db;
  const order = (externalId: unknown) => db().selectFrom('orders').selectAll().where('channel_id', '=', h.wooChannelId).where('external_id', '=', String(externalId)).executeTakeFirst();

  it('answers the creation ping with 200 and stores nothing', async () => {
    const ping = await h.sandbox.woo.ping();
    expect(ping.status).toBe(200);
    expect(ping.headers['x-wc-webhook-signature']).toBeUndefined();
    expect(await db().selectFrom('inbound_events').select('id').where('provider', '=', 'woocommerce').execute()).toHaveLength(0);
  });

  it('takes a signed order (guest billing email and phone normalised) and refuses a bad signature with 401', async () => {
    const good = await h.sandbox.woo.createOrder({ billing, lineItems: lines, couponCodes: ['Bienvenue10'] });
    const bad = await h.sandbox.woo.createOrder({ billing, lineItems: lines }, { badSignature: true });
    expect([good.delivery.status, bad.delivery.status]).toEqual([200, 401]);
    await h.settle();
    expect(await order(good.resource.id)).toMatchObject({ number: String(good.resource.id), email: 'chloe@example.fr', phone: '+33612345678', total_cents: 3950, status: 'paid', discount_codes: '["BIENVENUE10"]' });
    expect(await order(bad.resource.id)).toBeUndefined();
    const customer = await db().selectFrom('shop_customers').selectAll().where('channel_id', '=', h.wooChannelId).where('external_id', '=', 'guest:chloe@example.fr').executeTakeFirst();
    expect(customer).toBeDefined();
  });

  it('dedupes on the delivery id', async () => {
    const sent = await h.sandbox.woo.createOrder({ billing, lineItems: lines }, { duplicate: true });
    await h.settle();
    const [first, second] = h.sandbox.woo.deliveries.slice(-2);
    expect(first!.headers['x-wc-webhook-delivery-id']).toBe(second!.headers['x-wc-webhook-delivery-id']);
    expect([first!.status, second!.status]).toEqual([200, 200]);
    expect(await db().selectFrom('inbound_events').select('id').where('provider', '=', 'woocommerce').where('dedupe_key', 'like', `%${first!.headers['x-wc-webhook-delivery-id']}`).execute()).toHaveLength(1);
    expect(await order(sent.resource.id)).toBeDefined();
  });

  it('never fails a signed delivery it cannot read: 200, parked for an admin', async () => {
    const unreadable = await h.sandbox.woo.deliver('order.updated', '{"id": 99, "status": ');
    expect(unreadable.status).toBe(200);
    await h.settle();
    const parked = await db().selectFrom('inbound_events').select(['status', 'error']).where('dedupe_key', 'like', `%${unreadable.headers['x-wc-webhook-delivery-id']}`).executeTakeFirstOrThrow();
    expect(parked.status).toBe('parked');
    const listed = await h.owner.get('/api/v1/admin/inbound?status=parked');
    const mine = listed.body.deliveries.find((delivery: { provider: string }) => delivery.provider === 'woocommerce');
    expect(mine).toMatchObject({ attempts: 1 });
    // An admin's replay runs it through the shop job again (parked again: the body is still unreadable).
    expect((await h.owner.post(`/api/v1/admin/inbound/${mine.id}/replay`)).status).toBe(202);
    await h.settle();
    expect(await db().selectFrom('inbound_events').select(['status', 'attempts']).where('id', '=', mine.id).executeTakeFirst()).toEqual({ status: 'parked', attempts: 2 });
  });

  it('keeps a completed order completed when an older update arrives late, with its tracking link', async () => {
    const created = await h.sandbox.woo.createOrder({ billing, lineItems: lines });
    await h.settle();
    h.relais.clock.advance(60_000);
    await h.sandbox.woo.updateOrder(created.resource.id, { status: 'on-hold' }, { hold: true });
    h.relais.clock.advance(60_000);
    await h.sandbox.woo.updateOrder(created.resource.id, { status: 'completed', trackingUrl: 'https://suivi.example/C1' });
    await h.settle();
    await h.sandbox.woo.releaseHeld();
    await h.settle();
    expect(await order(created.resource.id)).toMatchObject({ status: 'fulfilled', tracking_url: 'https://suivi.example/C1' });
  });

  it('fills a dropped order by reconciliation through the REST API', async () => {
    h.relais.clock.advance(60_000);
    const lost = await h.sandbox.woo.createOrder({ billing: { email: 'perdu@example.fr' }, lineItems: lines, status: 'pending' }, { drop: true });
    await h.settle();
    expect(await order(lost.resource.id)).toBeUndefined();
    const result = await reconcileShop(h.relais.commerce, { workspaceId: h.workspaceId, channelId: h.wooChannelId });
    expect(result.orders).toBeGreaterThanOrEqual(1);
    expect(await order(lost.resource.id)).toMatchObject({ email: 'perdu@example.fr', status: 'open' });
    expect(h.sandbox.woo.calls.at(-1)).toMatchObject({ method: 'GET', path: 'orders', status: 200 });
  });

  it('takes a customer.created delivery', async () => {
    const sent = await h.sandbox.woo.createCustomer({ email: 'marc@example.fr', firstName: 'Marc', phone: '0601020304' });
    expect(sent.delivery.status).toBe(200);
    await h.settle();
    expect(await db().selectFrom('shop_customers').selectAll().where('channel_id', '=', h.wooChannelId).where('external_id', '=', String(sent.resource.id)).executeTakeFirst())
      .toMatchObject({ email: 'marc@example.fr', first_name: 'Marc', phone: '+33601020304' });
  });

  it('a coupon delivery gives a Relais promo code its shop id and end date', async () => {
    await db().insertInto('promo_codes').values({
      workspace_id: h.workspaceId, id: 'promo-1', channel_id: h.wooChannelId, code: 'RELAIS-CP01', origin: 'relais', percent: 10, expires_at: null, external_id: null,
      source_channel_id: null, post_id: null, agent_id: null, conversation_id: null, checkout_id: null, created_at: h.relais.clock.now(),
    }).execute();
    const sent = await h.sandbox.woo.deliver('coupon.created', JSON.stringify({ id: 4321, code: 'relais-cp01', amount: '10', discount_type: 'percent', date_expires_gmt: '2026-12-01T00:00:00' }));
    expect(sent.status).toBe(200);
    await h.settle();
    expect(await db().selectFrom('promo_codes').select(['external_id', 'expires_at']).where('id', '=', 'promo-1').executeTakeFirst())
      .toEqual({ external_id: '4321', expires_at: Date.UTC(2026, 11, 1) });
  });

  it('answers 404 for a channel that is not a WooCommerce shop', async () => {
    const response = await h.relais.app.inject({ method: 'POST', url: '/hooks/woocommerce/nope', payload: '{}', headers: { 'content-type': 'application/json', 'x-wc-webhook-signature': 'x' } });
    expect(response.statusCode).toBe(404);
  });
});
