import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../kernel/index.ts';
import { createTestStore, type TestStore } from '../store/testing.ts';
import { commerceReport } from './commerce-report.ts';
import { rawRows } from './testing.ts';

const day = (d: number) => Date.UTC(2026, 2, d, 12);

// Hand-counted: four shop customers, two of whom wrote to the shop.
describe('does social sell', () => {
  let store: TestStore;
  const workspaceId = newId();
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const db = store.db;
    await db.insertInto('workspaces').values({ id: workspaceId, name: 'Maison Lune', locale: 'fr', timezone: 'Europe/Paris', created_at: 0 }).execute();
    const raw = rawRows(() => db, workspaceId);
    const social = await raw.channel('x');
    const shop = await raw.channel('shopify', 'Boutique');
    const contact = async (name: string) => {
      const id = newId();
      await db.insertInto('contacts').values({ workspace_id: workspaceId, id, name, email: null, phone: null, avatar_url: null, created_at: 0, updated_at: 0 }).execute();
      return id;
    };
    const customer = async (contactId: string | null) => {
      const id = newId();
      await db.insertInto('shop_customers').values({ workspace_id: workspaceId, id, channel_id: shop, external_id: id, email: null, phone: null, first_name: null, last_name: null, accepts_marketing: 0, contact_id: contactId, link_method: null, created_at: day(1), updated_at: day(1) }).execute();
      return id;
    };
    let n = 1000;
    const order = async (customerId: string, cents: number, at: number, status: 'paid' | 'cancelled' = 'paid') => {
      const id = newId();
      await db.insertInto('orders').values({
        workspace_id: workspaceId, id, channel_id: shop, external_id: id, number: `#${n++}`, shop_customer_id: customerId, contact_id: null, email: null, phone: null, currency: 'EUR',
        total_cents: cents, status, financial_status: null, fulfillment_status: null, items: '[]', tracking_url: null, discount_codes: '[]', landing_site: null, referring_site: null,
        checkout_token: null, cart_token: null, placed_at: at, platform_updated_at: null, cancelled_at: null, created_at: at, updated_at: at,
      }).execute();
    };
    const camille = await contact('Camille');
    const hugo = await contact('Hugo');
    const ines = await contact('Inès');
    // Camille and Hugo wrote; Inès has a contact but never wrote; a fourth customer has no contact.
    for (const who of [camille, hugo]) {
      const c = await raw.conversation(social, day(2), { contactId: who });
      await raw.message({ conversationId: c, channelId: social, direction: 'in', at: day(2) });
    }
    const cCamille = await customer(camille);
    const cHugo = await customer(hugo);
    const cInes = await customer(ines);
    await customer(null);
    await order(cCamille, 5000, day(10));
    await order(cCamille, 7000, day(20));
    await order(cHugo, 3000, day(15), 'cancelled');
    await order(cInes, 4000, day(12));
    await order(cInes, 9999, Date.UTC(2026, 3, 5)); // after the period
  });
  afterAll(async () => store?.drop());

  it('compares order rate, basket and repeat rate of those who talked and those who did not', async () => {
    const report = await commerceReport(store.db, { workspaceId, from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) });
    // Talked: Camille (2 orders, 120 €) and Hugo (cancelled only): 1 buyer of 2, basket 60 €, repeat 1/1.
    // Did not: Inès (1 order, 40 €) and the customer without contact: 1 of 2, basket 40 €, repeat 0.
    expect(report.doesSocialSell).toEqual({
      currency: 'EUR', caveat: 'comparison_not_causation',
      talked: { customers: 2, buyers: 1, orders: 2, orderRate: 0.5, averageBasketCents: 6000, repeatRate: 1 },
      didNotTalk: { customers: 2, buyers: 1, orders: 1, orderRate: 0.5, averageBasketCents: 4000, repeatRate: 0 },
    });
  });
});
