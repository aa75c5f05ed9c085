import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, testDialects, type TestStore } from '../store/testing.ts';
import { insertShop } from './fixtures-for-tests.ts';
import { linkShopCustomer, upsertCheckout, upsertOrder, type ShopCheckout, type ShopOrder } from './index.ts';

const at = Date.UTC(2026, 10, 23, 10, 0);
const customer = { externalId: '5912000000001', email: 'maelle@example.fr', phone: null, firstName: 'Maëlle', lastName: null, acceptsMarketing: false };
const order: ShopOrder = {
  externalId: '5912000000100', number: '#1001', customer, email: customer.email, phone: null, currency: 'EUR', totalCents: 2400, status: 'paid',
  financialStatus: 'paid', fulfillmentStatus: null, items: [{ title: 'Bougie figue', quantity: 1, priceCents: 2400, sku: null }], trackingUrl: null,
  discountCodes: [], landingSite: null, referringSite: null, checkoutToken: null, cartToken: null, placedAt: at, updatedAt: at, cancelledAt: null,
};
const checkout: ShopCheckout = {
  token: 'tok-maelle', cartToken: null, customer: { ...customer, externalId: '5912000000002', email: 'lou@example.fr' }, email: 'lou@example.fr', phone: null,
  currency: 'EUR', totalCents: 2400, items: order.items, recoveryUrl: null, completedAt: null, createdAt: at, updatedAt: at,
};

describe.each(await testDialects())('writing one webhook\'s order or checkout (%s)', (dialect) => {
  let store: TestStore;
  let channelId: string;
  let statements = 0;
  // Counts the statements the writes send: the processing job's cost per delivery.
  const counter: KyselyPlugin = { transformQuery: (args) => { statements++; return args.node; }, transformResult: async (args) => args.result };
  const counted = () => store.db.withPlugin(counter);
  const shop = () => ({ workspaceId: 'ws_q', channelId });
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await store.db.insertInto('workspaces').values({ id: 'ws_q', name: 'Q', locale: 'fr', timezone: 'Europe/Paris', created_at: at }).execute();
    channelId = await insertShop(store.db, 'ws_q');
  });
  afterAll(async () => store?.drop());

  it('stores a new order of a new customer without reading back what it just wrote', async () => {
    statements = 0;
    const result = await upsertOrder(counted(), shop(), order, at);
    // customer: look up, insert; link: two identify lookups, email, sibling; order: insert.
    expect(statements).toBe(7);
    const stored = await store.db.selectFrom('orders').select(['id', 'shop_customer_id']).where('external_id', '=', order.externalId).executeTakeFirstOrThrow();
    expect(result).toEqual({ id: stored.id, changed: true });
    const owner = await store.db.selectFrom('shop_customers').select('id').where('external_id', '=', customer.externalId).executeTakeFirstOrThrow();
    expect(stored.shop_customer_id).toBe(owner.id);
  });

  it('answers the stored id of a redelivered order, unchanged', async () => {
    const stored = await store.db.selectFrom('orders').select('id').where('external_id', '=', order.externalId).executeTakeFirstOrThrow();
    statements = 0;
    expect(await upsertOrder(counted(), shop(), order, at + 1000)).toEqual({ id: stored.id, changed: false });
    // customer: look up, refresh; its link: four lookups (still no contact); order: insert (ignored), read.
    expect(statements).toBe(8);
  });

  it('stores a new checkout and answers its id, then the same id for its update', async () => {
    statements = 0;
    const created = await upsertCheckout(counted(), shop(), checkout, at);
    // customer: look up, insert, four link lookups; order of the token; checkout: insert.
    expect(statements).toBe(8);
    const stored = await store.db.selectFrom('checkouts').select('id').where('token', '=', checkout.token).executeTakeFirstOrThrow();
    expect(created).toEqual({ id: stored.id, changed: true });
    expect(await upsertCheckout(store.db, shop(), { ...checkout, totalCents: 4800, updatedAt: at + 60_000 }, at + 60_000)).toEqual({ id: stored.id, changed: true });
    expect((await store.db.selectFrom('checkouts').select('total_cents').where('id', '=', stored.id).executeTakeFirstOrThrow()).total_cents).toBe(4800);
  });
});

describe.each(await testDialects())('an order linked by an agent on its own (%s)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await store.db.insertInto('workspaces').values({ id: 'ws_l', name: 'L', locale: 'fr', timezone: 'Europe/Paris', created_at: at }).execute();
    await store.db.insertInto('contacts').values({ workspace_id: 'ws_l', id: 'ct_l', name: 'Client', email: null, phone: null, avatar_url: null, created_at: at, updated_at: at }).execute();
  });
  afterAll(async () => store?.drop());

  it('keeps the agent\'s link when the shop later updates that order (no account, no email)', async () => {
    const shop = { workspaceId: 'ws_l', channelId: await insertShop(store.db, 'ws_l') };
    const counter = { ...order, externalId: '5912000000200', number: '#2001', customer: null, email: null, status: 'paid' as const };
    const { id } = await upsertOrder(store.db, shop, counter, at);
    await linkShopCustomer(store.db, 'ws_l', 'ct_l', { orderId: id }, at);
    const updated = await upsertOrder(store.db, shop, { ...counter, status: 'fulfilled', fulfillmentStatus: 'fulfilled', updatedAt: at + 60_000 }, at + 60_000);
    expect(updated).toEqual({ id, changed: true });
    expect(await store.db.selectFrom('orders').select(['contact_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ contact_id: 'ct_l', status: 'fulfilled' });
  });
});
