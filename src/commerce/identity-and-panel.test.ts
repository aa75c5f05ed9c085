import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../store/testing.ts';
import { findOrderNumbers, linkContactToShopCustomers } from './index.ts';
import { startShopHarness, type ShopHarness } from './testing.ts';

const line = { title: 'Plaid laine', price: '59.00', quantity: 1, sku: 'PL-9' };

describe('order numbers in messages', () => {
  it('finds the ways customers write them, and not prices or quantities', () => {
    expect(findOrderNumbers('Bonjour, ma commande #1001 n\'est pas arrivée')).toEqual(['1001']);
    expect(findOrderNumbers('commande 1002 et commande n°1003, order #1004')).toEqual(['1002', '1003', '1004']);
    expect(findOrderNumbers('numéro de commande : 1005')).toEqual(['1005']);
    expect(findOrderNumbers('J\'ai payé 1001 euros pour 12 bougies')).toEqual([]);
  });
});

describe.each(await testDialects())('identity links and the customer panel (%s)', (dialect) => {
  let h: ShopHarness;
  beforeAll(async () => {
    h = await startShopHarness(dialect);
  });
  afterAll(async () => h?.dispose());
  const db = () => h.relais.store.db;
  const setContact = (id: string, values: { email?: string; phone?: string }) => db().updateTable('contacts').set(values).where('id', '=', id).execute();

  it('links a new shop customer to the contact with the same email, and its orders carry the contact', async () => {
    const contactId = await h.customerWrites('psid-ines', 'Bonjour !');
    await setContact(contactId, { email: 'Ines@Example.fr' });
    await h.sandbox.shopify.createOrder({ customer: { firstName: 'Inès', email: 'ines@example.fr' }, lineItems: [line] });
    await h.settle();
    const customer = await db().selectFrom('shop_customers').selectAll().where('email', '=', 'ines@example.fr').executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ contact_id: contactId, link_method: 'email' });
    // The agents' consoles hear of it, so the panel beside the conversation refreshes.
    const events = await h.relais.bus.since(h.workspaceId, 0, h.relais.bus.epoch);
    expect(events !== 'reload' && events.some((event) => event.type === 'contact.updated' && (event.data as { contactId: string }).contactId === contactId)).toBe(true);
    expect(await db().selectFrom('orders').select('contact_id').where('shop_customer_id', '=', customer.id).execute()).toEqual([{ contact_id: contactId }]);
  });

  it('links the other way: a contact whose phone becomes known gets the shop customer', async () => {
    await h.sandbox.shopify.createOrder({ customer: { email: 'sans-contact@example.fr', phone: '+33 6 11 22 33 44' }, lineItems: [line] });
    await h.settle();
    const contactId = await h.customerWrites('psid-phone', 'Salut');
    await setContact(contactId, { phone: '06 11 22 33 44' });
    expect(await linkContactToShopCustomers(db(), h.workspaceId, contactId, h.relais.clock.now())).toBe(1);
    const commerce = (await h.owner.get(`/api/v1/contacts/${contactId}`)).body.commerce;
    expect(commerce.orders).toHaveLength(1);
    expect(commerce.shopCustomers[0]).toMatchObject({ linkMethod: 'phone', email: 'sans-contact@example.fr' });
  });

  it('links a shop customer who first shows up after a signed identify on the site chat to that visitor', async () => {
    const visitorContact = await h.customerWrites('psid-visitor', 'Bonjour, je regarde le plaid');
    // What a verified `Relais.identify` leaves behind (see the widget tests): the shop's customer id, vouched for.
    await db().insertInto('webchat_visitors').values({
      workspace_id: h.workspaceId, id: 'visitor-888', channel_id: 'webchat-channel', contact_id: visitorContact, identity_status: 'verified',
      email: null, name: 'Nadia', customer_id: '888001', cart_token: null, visitor_read_at: null, agent_read_at: null, created_at: 1, updated_at: 1,
    }).execute();
    // No email in common: only the signed customer id can join them.
    await h.sandbox.shopify.createOrder({ customer: { id: 888001, email: 'autre-adresse@example.fr' }, lineItems: [line] });
    await h.settle();
    const customer = await db().selectFrom('shop_customers').selectAll().where('external_id', '=', '888001').executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ contact_id: visitorContact, link_method: 'identify' });
    expect(await db().selectFrom('orders').select('contact_id').where('shop_customer_id', '=', customer.id).execute()).toEqual([{ contact_id: visitorContact }]);
  });

  it('never overwrites a link made by identify when the customer is updated', async () => {
    const identified = await h.customerWrites('psid-identify', 'Coucou');
    const sameEmail = await h.customerWrites('psid-other', 'Bonjour');
    const first = await h.sandbox.shopify.createOrder({ customer: { id: 777001, email: 'id@example.fr' }, lineItems: [line] });
    await h.settle();
    const customer = await db().selectFrom('shop_customers').selectAll().where('external_id', '=', '777001').executeTakeFirstOrThrow();
    await db().updateTable('shop_customers').set({ contact_id: identified, link_method: 'identify' }).where('id', '=', customer.id).execute();
    await setContact(sameEmail, { email: 'id@example.fr' });
    await h.sandbox.shopify.createOrder({ customer: { id: 777001, email: 'id@example.fr', firstName: 'Idris' }, lineItems: [line] });
    await h.sandbox.shopify.updateOrder(first.resource.id, { fulfill: { trackingUrl: 'https://suivi.example/ID' } });
    await h.settle();
    expect(await db().selectFrom('shop_customers').select(['contact_id', 'link_method', 'first_name']).where('id', '=', customer.id).executeTakeFirst())
      .toEqual({ contact_id: identified, link_method: 'identify', first_name: 'Idris' });
    const panel = (await h.owner.get(`/api/v1/contacts/${identified}`)).body.commerce;
    expect(panel.orders).toHaveLength(2);
  });

  it('suggests the order a customer names in a message; the agent confirms, then unlinks', async () => {
    const sent = await h.sandbox.shopify.createOrder({ customer: { email: 'guest-order@example.fr' }, lineItems: [line] });
    await h.settle();
    const number = String(sent.resource.name).slice(1);
    const contactId = await h.customerWrites('psid-number', `Bonjour, où en est ma commande ${number} ? Merci`);
    const before = await h.owner.get(`/api/v1/contacts/${contactId}/commerce`);
    expect(before.body.commerce.orders).toEqual([]);
    expect(before.body.suggestions).toEqual([expect.objectContaining({ number: sent.resource.name, email: 'guest-order@example.fr' })]);
    const confirmed = await h.owner.post(`/api/v1/contacts/${contactId}/shop-links`, { orderId: before.body.suggestions[0].orderId });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.method).toBe('order_number');
    const after = await h.owner.get(`/api/v1/contacts/${contactId}/commerce`);
    expect(after.body.suggestions).toEqual([]);
    expect(after.body.commerce.orders.map((o: { number: string }) => o.number)).toEqual([sent.resource.name]);
    const unlinked = await h.owner.delete(`/api/v1/contacts/${contactId}/shop-links/${confirmed.body.shopCustomerId}`);
    expect(unlinked.status).toBe(204);
    expect((await h.owner.get(`/api/v1/contacts/${contactId}`)).body.commerce.orders).toEqual([]);
    // An agent undid it: a later email match leaves it alone.
    await setContact(contactId, { email: 'guest-order@example.fr' });
    expect(await linkContactToShopCustomers(db(), h.workspaceId, contactId, h.relais.clock.now())).toBe(0);
  });

  it('does not suggest another workspace\'s orders, nor link to a contact of another workspace', async () => {
    const contactId = await h.customerWrites('psid-nothing', 'ma commande #999999 ?');
    expect((await h.owner.get(`/api/v1/contacts/${contactId}/commerce`)).body.suggestions).toEqual([]);
    expect((await h.owner.post('/api/v1/contacts/nope/shop-links', { shopCustomerId: 'x' })).status).toBe(404);
    expect((await h.owner.post(`/api/v1/contacts/${contactId}/shop-links`, { shopCustomerId: 'unknown' })).status).toBe(404);
    expect((await h.owner.post(`/api/v1/contacts/${contactId}/shop-links`, { both: 1 })).status).toBe(400);
  });

  it('shows orders, the open cart, lifetime value and first/last order beside the conversation', async () => {
    const contactId = await h.customerWrites('psid-panel', 'Bonjour');
    await setContact(contactId, { email: 'panel@example.fr' });
    const t0 = h.relais.clock.now();
    const first = await h.sandbox.shopify.createOrder({ customer: { email: 'panel@example.fr' }, lineItems: [line] });
    h.relais.clock.advance(2 * 3_600_000);
    const second = await h.sandbox.shopify.createOrder({ customer: { email: 'panel@example.fr' }, lineItems: [{ ...line, quantity: 2 }] });
    await h.sandbox.shopify.updateOrder(second.resource.id, { fulfill: { trackingUrl: 'https://suivi.example/P2' } });
    h.relais.clock.advance(60_000);
    const cancelled = await h.sandbox.shopify.createOrder({ customer: { email: 'panel@example.fr' }, lineItems: [line] });
    await h.sandbox.shopify.updateOrder(cancelled.resource.id, { cancel: true });
    const cart = await h.sandbox.shopify.createCheckout({ customer: { email: 'panel@example.fr' }, lineItems: [{ title: 'Coussin', price: '19.90' }] });
    await h.settle();

    const reply = await h.owner.get(`/api/v1/contacts/${contactId}`);
    expect(reply.status).toBe(200);
    const { commerce } = reply.body;
    expect(commerce.orders.map((o: { number: string }) => o.number)).toEqual([cancelled.resource.name, second.resource.name, first.resource.name]);
    expect(commerce.orders[1]).toMatchObject({ status: 'fulfilled', totalCents: 11800, currency: 'EUR', trackingUrl: 'https://suivi.example/P2', items: [{ title: 'Plaid laine', quantity: 2, priceCents: 5900, sku: 'PL-9' }] });
    expect(commerce.orders[0].status).toBe('cancelled');
    expect(commerce.openCarts).toEqual([expect.objectContaining({ totalCents: 1990, recoveryUrl: cart.resource.abandoned_checkout_url })]);
    expect(commerce.lifetimeValue).toEqual({ cents: 5900 + 11800, currency: 'EUR', orders: 2 });
    expect(commerce.firstOrderAt).toBe(Math.floor(t0 / 1000) * 1000);
    expect(commerce.lastOrderAt).toBeGreaterThan(commerce.firstOrderAt);

    const byEmail = await h.owner.get('/api/v1/orders?email=PANEL@example.fr');
    expect(byEmail.body.orders).toHaveLength(3);
    const byContact = await h.owner.get(`/api/v1/orders?contact_id=${contactId}&limit=1`);
    expect(byContact.body.orders.map((o: { number: string }) => o.number)).toEqual([cancelled.resource.name]);
    expect((await h.owner.get('/api/v1/orders')).status).toBe(400);
    expect((await h.owner.get('/api/v1/orders?email=not-an-email')).status).toBe(400);
    expect((await h.owner.get('/api/v1/orders?contact_id=unknown')).status).toBe(404);
  });
});
