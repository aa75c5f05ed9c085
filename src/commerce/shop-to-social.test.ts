import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/testing.ts';
import { testDialects } from '../store/testing.ts';
import { RECOVER_QUEUE } from './index.ts';
import { startShopHarness, type ShopHarness } from './testing.ts';

const line = { title: 'Bougie figue', price: '24.00', quantity: 2, sku: 'BG-2' };

// The shop's webhooks reaching attribution and cart recovery as the composition root wires
// them: no hand-made rows, the sandbox's Shopify signs and sends, Relais decides.
describe.each(await testDialects())('shop events into attribution and recovery (%s)', (dialect) => {
  let h: ShopHarness;
  beforeAll(async () => { h = await startShopHarness(dialect); }, 30_000);
  afterAll(async () => h?.dispose());
  const db = () => h.relais.store.db;

  it('attributes an order that landed from Facebook to social, by its UTM tags', async () => {
    const sent = await h.sandbox.shopify.createOrder({ email: 'utm@example.fr', landingSite: '/collections/bougies?utm_source=facebook&utm_medium=social', lineItems: [line] });
    await h.settle();
    const order = await db().selectFrom('orders').select('id').where('external_id', '=', String(sent.resource.id)).executeTakeFirstOrThrow();
    await waitFor(async () => (await db().selectFrom('order_attributions').select('model').where('order_id', '=', order.id).execute()).length > 0, 10_000, 'the order to be attributed');
    const rows = await db().selectFrom('order_attributions').select(['model', 'source_channel_kind', 'revenue_cents']).where('order_id', '=', order.id).execute();
    expect(rows).toEqual([{ model: 'utm', source_channel_kind: 'facebook', revenue_cents: 4800 }]);
  });

  it('sends one recovery message on Messenger with the cart link and a code the shop created', async () => {
    const contactId = await h.customerWrites('psid-panier', 'Vous livrez en Belgique ?');
    await db().updateTable('contacts').set({ email: 'panier@example.fr' }).where('id', '=', contactId).execute();
    const saved = await h.owner.request('PUT', '/api/v1/recovery/settings', {
      enabled: true, delayMinutes: 60, promoPercent: 10, promoExpiryDays: 7, quietStart: '21:00', quietEnd: '09:00', timezone: 'Europe/Paris',
      templateFr: 'Votre panier vous attend : {link}\nCode {code} : -{percent} %', templateEn: 'Your cart is waiting: {link}\nCode {code}: {percent}% off',
    });
    expect(saved.status).toBe(200);
    const cart = await h.sandbox.shopify.createCheckout({ email: 'panier@example.fr', lineItems: [line] });
    await h.settle();
    const checkout = await db().selectFrom('checkouts').select(['id', 'contact_id', 'recovery_url']).where('token', '=', cart.resource.token).executeTakeFirstOrThrow();
    expect(checkout.contact_id).toBe(contactId);

    h.relais.clock.advance(61 * 60_000);
    await h.relais.queue.enqueue(RECOVER_QUEUE, {});
    await waitFor(async () => (await db().selectFrom('recovery_decisions').select('id').where('checkout_id', '=', checkout.id).execute()).length > 0, 10_000, 'the recovery decision');
    const decisions = await db().selectFrom('recovery_decisions').select(['outcome', 'reason', 'message_id', 'promo_code_id']).where('checkout_id', '=', checkout.id).execute();
    expect(decisions).toEqual([expect.objectContaining({ outcome: 'sent', reason: 'sent' })]);
    const message = await db().selectFrom('messages').select(['text', 'author_type']).where('id', '=', decisions[0]!.message_id!).executeTakeFirstOrThrow();
    expect(message.author_type).toBe('bot');
    expect(message.text).toContain(checkout.recovery_url!);
    const promo = await db().selectFrom('promo_codes').select(['code', 'external_id', 'percent']).where('id', '=', decisions[0]!.promo_code_id!).executeTakeFirstOrThrow();
    expect(message.text).toContain(promo.code);
    // The code exists at the shop: Relais created it through the Admin API.
    expect(promo.external_id).not.toBeNull();
    expect(promo.percent).toBe(10);

    // Later rounds decide nothing new.
    await h.relais.queue.enqueue(RECOVER_QUEUE, {});
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db().selectFrom('recovery_decisions').select('id').where('checkout_id', '=', checkout.id).execute()).toHaveLength(1);
  });

  it('runs the cart_abandoned rules once for each abandoned cart, even with no new message between them', async () => {
    const contactId = await h.customerWrites('psid-deux-paniers', 'Je reviens plus tard');
    await db().updateTable('contacts').set({ email: 'deux-paniers@example.fr' }).where('id', '=', contactId).execute();
    const label = await h.owner.post('/api/v1/labels', { name: 'panier-abandonné', color: '#1f6feb' });
    const rule = await h.owner.post('/api/v1/rules', { name: 'Panier', event: 'cart_abandoned', conditions: [], actions: [{ type: 'add_label', label: label.body.id }], stop: false });
    expect(rule.status).toBe(201);
    const firings = () => db().selectFrom('rule_firings').select('event_key').where('rule_name', '=', 'Panier').execute();

    for (const round of [1, 2]) {
      await h.sandbox.shopify.createCheckout({ email: 'deux-paniers@example.fr', lineItems: [line] });
      await h.settle();
      h.relais.clock.advance(61 * 60_000);
      await h.relais.queue.enqueue(RECOVER_QUEUE, {});
      await waitFor(async () => (await firings()).length === round, 10_000, `the rule to fire for cart ${round}`);
    }
    const keys = (await firings()).map((f) => f.event_key);
    expect(new Set(keys).size).toBe(2);
  });
});
