import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Hmac } from '../../sandbox/index.ts';
import { testDialects } from '../store/testing.ts';
import { reconcileShop } from './index.ts';
import { startShopHarness, type ShopHarness } from './testing.ts';

const line = { title: 'Bougie Lune', price: '24.90', quantity: 2, sku: 'BL-01' };

describe.each(await testDialects())('Shopify webhooks (%s)', (dialect) => {
  let h: ShopHarness;
  // Relais runs with the new secret and the previous one; the sandbox starts on the old one and rotates.
  beforeAll(async () => {
    h = await startShopHarness(dialect, { RELAIS_SHOPIFY_APP_SECRET: 'new-app-secret', RELAIS_SHOPIFY_APP_SECRET_PREVIOUS: 'sandbox-shopify-secret' });
    h.sandbox.shopify.rotateSecret('new-app-secret');
  });
  afterAll(async () => h?.dispose());
  const db = () => h.relais.store.db;
  const orderByNumber = (number: string) => db().selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();

  it('takes an order signed with the current secret, and one signed with the previous secret during a rotation', async () => {
    const current = await h.sandbox.shopify.createOrder({ email: 'Ines@Example.fr', customer: { firstName: 'Inès', email: 'ines@example.fr' }, lineItems: [line] });
    const previous = await h.sandbox.shopify.createOrder({ email: 'paul@example.fr', lineItems: [line] }, { signWithPrevious: true });
    expect([current.delivery.status, previous.delivery.status]).toEqual([200, 200]);
    await h.settle();
    const order = await orderByNumber(current.resource.name);
    expect(order).toMatchObject({ email: 'ines@example.fr', total_cents: 4980, currency: 'EUR', status: 'paid', external_id: String(current.resource.id) });
    expect(JSON.parse(order!.items)).toEqual([{ title: 'Bougie Lune', quantity: 2, priceCents: 2490, sku: 'BL-01' }]);
    expect(await orderByNumber(previous.resource.name)).toBeDefined();
  });

  it('keeps a customer from customers/create, normalised', async () => {
    const sent = await h.sandbox.shopify.createCustomer({ email: 'Zoe@Example.FR', phone: '06 98 76 54 32', firstName: 'Zoé' });
    expect(sent.delivery.status).toBe(200);
    await h.settle();
    expect(await db().selectFrom('shop_customers').select(['email', 'phone', 'first_name', 'channel_id']).where('external_id', '=', String(sent.resource.id)).executeTakeFirst())
      .toEqual({ email: 'zoe@example.fr', phone: '+33698765432', first_name: 'Zoé', channel_id: h.shopifyChannelId });
  });

  it('answers 401 to a bad HMAC and stores nothing', async () => {
    const before = await db().selectFrom('inbound_events').select('id').execute();
    const bad = await h.sandbox.shopify.createOrder({ email: 'mallory@example.fr', lineItems: [line] }, { badSignature: true });
    expect(bad.delivery.status).toBe(401);
    expect(await db().selectFrom('inbound_events').select('id').execute()).toHaveLength(before.length);
    expect(await orderByNumber(bad.resource.name)).toBeUndefined();
  });

  it('acknowledges a duplicate delivery and changes nothing', async () => {
    const sent = await h.sandbox.shopify.createOrder({ email: 'duo@example.fr', lineItems: [line] }, { duplicate: true });
    await h.settle();
    const [first, second] = h.sandbox.shopify.deliveries.slice(-2);
    expect(first!.headers['x-shopify-webhook-id']).toBe(second!.headers['x-shopify-webhook-id']);
    expect([first!.status, second!.status]).toEqual([200, 200]);
    const events = await db().selectFrom('inbound_events').select('id').where('dedupe_key', '=', first!.headers['x-shopify-webhook-id']!).execute();
    expect(events).toHaveLength(1);
    expect(await db().selectFrom('orders').select('id').where('external_id', '=', String(sent.resource.id)).execute()).toHaveLength(1);
  });

  it('keeps the newer state when an older delivery arrives late', async () => {
    const created = await h.sandbox.shopify.createOrder({ email: 'late@example.fr', lineItems: [line] }, { hold: true });
    h.relais.clock.advance(60_000);
    await h.sandbox.shopify.updateOrder(created.resource.id, { fulfill: { trackingUrl: 'https://suivi.example/6A123' } });
    await h.settle();
    expect(await orderByNumber(created.resource.name)).toMatchObject({ status: 'fulfilled', tracking_url: 'https://suivi.example/6A123' });
    const [late] = await h.sandbox.shopify.releaseHeld();
    expect(late!.status).toBe(200);
    await h.settle();
    expect(await orderByNumber(created.resource.name)).toMatchObject({ status: 'fulfilled', fulfillment_status: 'fulfilled', tracking_url: 'https://suivi.example/6A123' });
  });

  it('fills a dropped webhook by reconciliation, and a second pass changes nothing', async () => {
    h.relais.clock.advance(60_000);
    const lost = await h.sandbox.shopify.createOrder({ email: 'lost@example.fr', lineItems: [line] }, { drop: true });
    const cart = await h.sandbox.shopify.createCheckout({ email: 'cart@example.fr', lineItems: [line] }, { drop: true });
    await h.settle();
    expect(await orderByNumber(lost.resource.name)).toBeUndefined();
    const target = { workspaceId: h.workspaceId, channelId: h.shopifyChannelId };
    const first = await reconcileShop(h.relais.commerce, target);
    expect(first.orders).toBeGreaterThanOrEqual(1);
    expect(await orderByNumber(lost.resource.name)).toMatchObject({ email: 'lost@example.fr', status: 'paid' });
    expect(await db().selectFrom('checkouts').selectAll().where('token', '=', cart.resource.token).executeTakeFirst())
      .toMatchObject({ email: 'cart@example.fr', total_cents: 4980, completed_at: null, recovery_url: cart.resource.abandoned_checkout_url });
    expect(await reconcileShop(h.relais.commerce, target)).toEqual({ orders: 0, checkouts: 0 });
    expect(h.sandbox.shopify.calls.filter((call) => call.path === 'orders.json').every((call) => call.status === 200)).toBe(true);
  });

  it('completes the checkout when its order arrives', async () => {
    const checkout = await h.sandbox.shopify.createCheckout({ email: 'cart2@example.fr', lineItems: [line] });
    await h.settle();
    await h.sandbox.shopify.createOrder({ email: 'cart2@example.fr', lineItems: [line], checkoutToken: checkout.resource.token });
    await h.settle();
    const row = await db().selectFrom('checkouts').selectAll().where('token', '=', checkout.resource.token).executeTakeFirstOrThrow();
    expect(row.order_id).not.toBeNull();
    expect(row.completed_at).not.toBeNull();
  });

  it('calls the attribution and recovery hooks once per change, after the commit', async () => {
    const orders: string[] = [];
    const checkouts: string[] = [];
    h.relais.commerce.hooks.onOrderUpserted = async (workspaceId, orderId) => {
      expect(workspaceId).toBe(h.workspaceId);
      orders.push(orderId);
    };
    h.relais.commerce.hooks.onCheckoutUpserted = async (_workspaceId, checkoutId) => {
      checkouts.push(checkoutId);
    };
    try {
      const sent = await h.sandbox.shopify.createOrder({ email: 'hook@example.fr', lineItems: [line] }, { duplicate: true });
      const cart = await h.sandbox.shopify.createCheckout({ email: 'hook@example.fr', lineItems: [line] });
      await h.settle();
      const order = await db().selectFrom('orders').select('id').where('external_id', '=', String(sent.resource.id)).executeTakeFirstOrThrow();
      const checkout = await db().selectFrom('checkouts').select('id').where('token', '=', cart.resource.token).executeTakeFirstOrThrow();
      // Hook jobs of earlier tests may still be queued (pg-boss polls): count this test's ids.
      const deadline = Date.now() + 10_000;
      while ((!orders.includes(order.id) || !checkouts.includes(checkout.id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(orders.filter((id) => id === order.id)).toHaveLength(1);
      expect(checkouts.filter((id) => id === checkout.id)).toHaveLength(1);
    } finally {
      h.relais.commerce.hooks.onOrderUpserted = undefined;
      h.relais.commerce.hooks.onCheckoutUpserted = undefined;
    }
  });

  it('verifies, stores and hands the compliance topics to the privacy module; a bad HMAC gets 401', async () => {
    const bad = await h.sandbox.shopify.privacyRequest('customers/redact', { customer: { id: 1, email: 'x@example.fr', phone: null }, orders_to_redact: [] }, { badSignature: true });
    expect(bad.status).toBe(401);
    const good = await h.sandbox.shopify.privacyRequest('customers/data_request', { customer: { id: 7, email: 'ines@example.fr', phone: null }, orders_requested: [], data_request: { id: 9 } });
    expect(good.status).toBe(200);
    await h.settle();
    // The privacy module answers the access request with an export admins can download.
    const exports = async () => db().selectFrom('privacy_exports').select(['source', 'topic']).where('workspace_id', '=', h.workspaceId).execute();
    const deadline = Date.now() + 10_000;
    while ((await exports()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await exports()).toEqual([{ source: 'shop', topic: 'customers/data_request' }]);
  });

  it('refuses a delivery without its Shopify headers with 400, and parks a body it cannot read', async () => {
    const unsigned = await h.relais.app.inject({ method: 'POST', url: '/hooks/shopify', payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(unsigned.statusCode).toBe(401);
    const headerless = await h.relais.app.inject({ method: 'POST', url: '/hooks/shopify', payload: '{}', headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': base64Hmac('new-app-secret', '{}') } });
    expect(headerless.statusCode).toBe(400);
    expect(headerless.json().error.code).toBe('request.invalid');
    const unreadable = await h.sandbox.shopify.deliver('orders/create', '{"id": "not an order"}');
    expect(unreadable.status).toBe(200);
    await h.settle();
    const parked = await db().selectFrom('inbound_events').select(['status', 'error']).where('dedupe_key', '=', unreadable.headers['x-shopify-webhook-id']!).executeTakeFirstOrThrow();
    expect(parked.status).toBe('parked');
  });
});
