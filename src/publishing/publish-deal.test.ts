import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/testing.ts';
import { PAGE, startPublishingHarness, type PublishingHarness } from './testing.ts';

let h: PublishingHarness;
beforeAll(async () => { h = await startPublishingHarness(); });
afterAll(async () => { await h?.dispose(); });

const DAY = 86_400_000;
const parisLocal = (at: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
  .format(at).replace(' ', 'T');
const line = { title: 'Bague Lune', price: '89.00', quantity: 1, sku: 'BL-1' };

describe('a post with a deal', () => {
  it('creates its code at the shop, and the report credits the orders that use it or its UTM to the post and its campaign', async () => {
    // The shop sells on its own domain too: links to it are the shop's links.
    const shopRow = await h.relais.store.db.selectFrom('channels').select('settings').where('id', '=', h.channels.shop).executeTakeFirstOrThrow();
    await h.relais.store.db.updateTable('channels').set({ settings: JSON.stringify({ ...JSON.parse(shopRow.settings), shopHosts: ['maisonlune.fr'] }) }).where('id', '=', h.channels.shop).execute();
    const created = await h.owner.post('/api/v1/posts', {
      campaign: 'noel-2026',
      versions: [{ network: 'facebook', channelId: h.channels.meta, text: 'Code NOEL20 : -20 % sur tout jusqu\'à dimanche 🎄 https://maisonlune.fr/noel' }],
      deal: { shopChannelId: h.channels.shop, code: 'noel20', percent: 20, endsAt: parisLocal(h.relais.clock.now() + 7 * DAY), usageLimit: 500 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const postId = created.body.id as string;
    const scheduled = await h.owner.post(`/api/v1/posts/${postId}/schedule`);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body.promoCode).toBe('NOEL20');

    // The shop has the price rule (-20 %, usage limit, dates) and its discount code.
    const shop = h.sandbox.shopify.shop();
    const rule = [...shop.priceRules.values()].find((r) => r.title === 'NOEL20')!;
    expect(rule).toMatchObject({ value_type: 'percentage', value: '-20.0', usage_limit: 500 });
    expect(Date.parse(rule.ends_at)).toBeGreaterThan(h.relais.clock.now() + 6 * DAY);
    expect([...shop.discountCodes.values()].map((c) => c.code)).toEqual(['NOEL20']);
    // Scheduling again (after a failure, say) never makes a second code.
    const promo = await h.relais.store.db.selectFrom('promo_codes').select(['code', 'post_id', 'origin', 'external_id']).where('post_id', '=', postId).execute();
    expect(promo).toEqual([{ code: 'NOEL20', post_id: postId, origin: 'relais', external_id: rule.id.toString() }]);

    await waitFor(async () => (await h.owner.get(`/api/v1/posts/${postId}`)).body.status === 'published', 15_000, 'the post to go out');
    const message = h.sandbox.meta.pagePosts(PAGE)[0]!.message;
    const utmLink = /https:\/\/maisonlune\.fr\/noel\?\S+/.exec(message)![0];
    expect(utmLink).toBe(`https://maisonlune.fr/noel?utm_source=facebook&utm_medium=social&utm_campaign=noel-2026&utm_content=${postId}`);

    // One customer types the code; another arrives through the post's link.
    const withCode = await h.sandbox.shopify.createOrder({ email: 'code@example.fr', discountCodes: ['NOEL20'], lineItems: [line], financialStatus: 'paid' });
    const withLink = await h.sandbox.shopify.createOrder({ email: 'lien@example.fr', landingSite: new URL(utmLink).pathname + new URL(utmLink).search, lineItems: [line, line], financialStatus: 'paid' });
    await h.sandbox.shopify.idle();
    const attributed = async (externalId: unknown) => {
      const order = await h.relais.store.db.selectFrom('orders').select('id').where('external_id', '=', String(externalId)).executeTakeFirst();
      return order ? h.relais.store.db.selectFrom('order_attributions').select(['model', 'post_id', 'campaign', 'revenue_cents']).where('order_id', '=', order.id).execute() : [];
    };
    await waitFor(async () => (await attributed(withCode.resource.id)).length > 0 && (await attributed(withLink.resource.id)).length > 0, 15_000, 'both orders attributed');
    expect(await attributed(withCode.resource.id)).toEqual([{ model: 'promo_code', post_id: postId, campaign: 'noel-2026', revenue_cents: 8900 }]);
    expect(await attributed(withLink.resource.id)).toEqual([{ model: 'utm', post_id: postId, campaign: 'noel-2026', revenue_cents: 17800 }]);

    const day = parisLocal(h.relais.clock.now()).slice(0, 10);
    const report = await h.owner.get(`/api/v1/reports/attribution?from=${day}&to=${parisLocal(h.relais.clock.now() + DAY).slice(0, 10)}`);
    expect(report.status).toBe(200);
    expect(report.body.byPost).toEqual([expect.objectContaining({ key: postId, orders: 2, revenueCents: 26700 })]);
    expect(report.body.byCampaign).toEqual([expect.objectContaining({ key: 'noel-2026', orders: 2, revenueCents: 26700 })]);
  });

  it('creates a WooCommerce coupon for a deal (a fixed amount, its end and usage limit), and credits the Woo order that uses it to the post', async () => {
    const site = 'https://atelier-lune.example';
    h.sandbox.woo.addStore({ siteUrl: site, consumerKey: 'ck_publishing01', consumerSecret: 'cs_publishing01', webhookSecret: 'woo-publishing-secret' });
    const woo = await h.owner.post('/api/v1/shops', { platform: 'woocommerce', siteUrl: site, consumerKey: 'ck_publishing01', consumerSecret: 'cs_publishing01', webhookSecret: 'woo-publishing-secret', apiBase: h.sandbox.url });
    expect(woo.status, JSON.stringify(woo.body)).toBe(201);
    h.sandbox.woo.setDeliveryUrl(`${h.url}/hooks/woocommerce/${woo.body.id}`, site);
    const endsAt = h.relais.clock.now() + 3 * DAY;
    const created = await h.owner.post('/api/v1/posts', {
      campaign: 'atelier-hiver',
      versions: [{ network: 'x', channelId: h.channels.x, text: 'Atelier bougies : 5 € offerts avec le code ATELIER5 🕯️' }],
      deal: { shopChannelId: woo.body.id, code: 'atelier5', amountCents: 500, endsAt: parisLocal(endsAt), usageLimit: 40 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const postId = created.body.id as string;
    const scheduled = await h.owner.post(`/api/v1/posts/${postId}/schedule`);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body.promoCode).toBe('ATELIER5');

    // POST /wp-json/wc/v3/coupons: Woo keeps codes in lower case; a fixed cart amount in the shop's currency.
    const coupons = [...h.sandbox.woo.store(site).coupons.values()];
    expect(coupons).toHaveLength(1);
    expect(coupons[0]).toMatchObject({ code: 'atelier5', discount_type: 'fixed_cart', amount: '5.00', usage_limit: 40 });
    expect(Math.abs(Date.parse(`${String(coupons[0]!.date_expires_gmt)}Z`) - Math.floor(endsAt / 60_000) * 60_000)).toBeLessThan(60_000);
    const promo = await h.relais.store.db.selectFrom('promo_codes').select(['code', 'post_id', 'channel_id']).where('post_id', '=', postId).execute();
    expect(promo).toEqual([{ code: 'ATELIER5', post_id: postId, channel_id: woo.body.id }]);

    const order = await h.sandbox.woo.createOrder({ site, billing: { email: 'bougie@example.fr' }, lineItems: [{ name: 'Bougie', price: '24.00' }], status: 'processing', couponCodes: ['atelier5'] });
    await h.sandbox.woo.idle();
    const attributed = async () => {
      const row = await h.relais.store.db.selectFrom('orders').select('id').where('channel_id', '=', woo.body.id).where('external_id', '=', String(order.resource.id)).executeTakeFirst();
      return row ? h.relais.store.db.selectFrom('order_attributions').select(['model', 'post_id', 'campaign']).where('order_id', '=', row.id).execute() : [];
    };
    await waitFor(async () => (await attributed()).length > 0, 15_000, 'the Woo order attributed');
    expect(await attributed()).toEqual([{ model: 'promo_code', post_id: postId, campaign: 'atelier-hiver' }]);
  });

  it('refuses a deal with both a percentage and an amount, or none', async () => {
    const base = { versions: [{ network: 'facebook', channelId: h.channels.meta, text: 'x' }] };
    const both = await h.owner.post('/api/v1/posts', { ...base, deal: { shopChannelId: h.channels.shop, code: 'A10', percent: 10, amountCents: 500, endsAt: '2027-01-01T00:00' } });
    expect(both.status).toBe(400);
    const none = await h.owner.post('/api/v1/posts', { ...base, deal: { shopChannelId: h.channels.shop, code: 'A10', endsAt: '2027-01-01T00:00' } });
    expect(none.status).toBe(400);
  });
});
