import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { ShopApiError, shopAdapters, type ShopContext } from './index.ts';

const expiresAt = Date.UTC(2026, 11, 1);

describe('shop adapters against the sandbox', () => {
  let sandbox: Sandbox;
  let shopify: ShopContext;
  let woo: ShopContext;
  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.shopify.addShop({ domain: 'lune.myshopify.com', accessToken: 'shpat_token_1' });
    sandbox.woo.addStore({ siteUrl: 'https://lea.example', consumerKey: 'ck_1', consumerSecret: 'cs_1', webhookSecret: 'whsec-123' });
    shopify = { channelId: 'c1', workspaceId: 'w1', externalId: 'lune.myshopify.com', apiBase: sandbox.url, credentials: { accessToken: 'shpat_token_1' }, settings: {} };
    woo = { channelId: 'c2', workspaceId: 'w1', externalId: 'https://lea.example', apiBase: sandbox.url, credentials: { consumerKey: 'ck_1', consumerSecret: 'cs_1' }, settings: {} };
  });
  afterAll(async () => sandbox?.close());

  it('registers both platforms', () => {
    expect([...shopAdapters.keys()]).toEqual(['shopify', 'woocommerce']);
  });

  it('Shopify: a promo code is a price rule plus its discount code; a second one with the same code is refused', async () => {
    const adapter = shopAdapters.get('shopify')!;
    const created = await adapter.createPromoCode(shopify, { code: 'RELAIS-7KQ2', percent: 10, expiresAt, usageLimit: 1 });
    const rule = sandbox.shopify.shop().priceRules.get(created.externalId);
    expect(rule).toMatchObject({ value_type: 'percentage', value: '-10.0', usage_limit: 1, once_per_customer: true, ends_at: new Date(expiresAt).toISOString() });
    expect([...sandbox.shopify.shop().discountCodes.values()]).toEqual([expect.objectContaining({ code: 'RELAIS-7KQ2', price_rule_id: Number(created.externalId) })]);
    const again = adapter.createPromoCode(shopify, { code: 'RELAIS-7KQ2', percent: 10, expiresAt, usageLimit: 1 });
    await expect(again).rejects.toMatchObject({ kind: 'permanent', status: 422, message: expect.stringContaining('must be unique') });
  });

  it('Shopify: a wrong access token is an auth failure with Shopify\'s words', async () => {
    const error = await shopAdapters.get('shopify')!.listOrders({ ...shopify, credentials: { accessToken: 'wrong' } }, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopApiError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, message: expect.stringContaining('Invalid API key or access token') });
  });

  it('Shopify: lists every page of orders updated since a time, oldest first', async () => {
    await sandbox.shopify.createOrder({ email: 'old@example.fr', lineItems: [{ title: 'x', price: '1.00' }] }, { drop: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const since = Math.floor(Date.now() / 1000) * 1000; // Shopify's times have a one-second grain
    for (let i = 0; i < 3; i++) await sandbox.shopify.createOrder({ email: `p${i}@example.fr`, lineItems: [{ title: 'x', price: '1.00' }] }, { drop: true });
    sandbox.shopify.setPageLimit(2);
    const before = sandbox.shopify.calls.length;
    const orders = await shopAdapters.get('shopify')!.listOrders(shopify, since);
    sandbox.shopify.setPageLimit(250);
    expect(orders.map((order) => order.email)).toEqual(['p0@example.fr', 'p1@example.fr', 'p2@example.fr']);
    expect(sandbox.shopify.calls.slice(before).map((call) => call.path)).toEqual(['orders.json', 'orders.json']);
  });

  it('WooCommerce: a promo code is a one-use percent coupon; a duplicate code and wrong keys are refused', async () => {
    const adapter = shopAdapters.get('woocommerce')!;
    const created = await adapter.createPromoCode(woo, { code: 'RELAIS-AB12', percent: 15, expiresAt, usageLimit: 1 });
    expect(sandbox.woo.store().coupons.get(created.externalId)).toMatchObject({ code: 'relais-ab12', discount_type: 'percent', amount: '15', usage_limit: 1, usage_limit_per_user: 1 });
    await expect(adapter.createPromoCode(woo, { code: 'RELAIS-AB12', percent: 15, expiresAt, usageLimit: 1 }))
      .rejects.toMatchObject({ kind: 'permanent', status: 400, message: expect.stringContaining('woocommerce_rest_coupon_code_already_exists') });
    await expect(adapter.listOrders({ ...woo, credentials: { consumerKey: 'ck_1', consumerSecret: 'cs_wrong' } }, 0)).rejects.toMatchObject({ kind: 'auth', status: 401 });
    expect(await adapter.listCheckouts(woo, 0)).toEqual([]);
  });
});
