import { AppError } from '../../kernel/index.ts';
import { assertPlatformHost } from '../../net/index.ts';
import { connectFailure } from '../shop-api-error.ts';
import type { ShopContext } from '../shop-adapter.ts';
import type { ShopPlatform } from '../shop-event.ts';
import { listAll, shopifyCall, SHOPIFY_API_VERSION } from './api.ts';
import { parseShopifyWebhook, shopifyCheckout, shopifyOrder } from './inbound.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const byUpdate = <T extends { updatedAt: number | null }>(a: T, b: T) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0);

/**
 * Shopify through the Admin REST API: orders and abandoned checkouts for reconciliation, a
 * price rule plus its discount code for a one-time promo code. Auth is the shop's Admin API
 * access token in `X-Shopify-Access-Token`.
 */
export const shopifyPlatform: ShopPlatform = {
  platform: 'shopify',

  async listOrders(shop: ShopContext, since: number) {
    const rows = await listAll(shop, `orders.json?status=any&limit=250&updated_at_min=${encodeURIComponent(iso(since))}`, 'orders');
    return rows.map(shopifyOrder).sort(byUpdate);
  },

  async listCheckouts(shop: ShopContext, since: number) {
    const rows = await listAll(shop, `checkouts.json?limit=250&updated_at_min=${encodeURIComponent(iso(since))}`, 'checkouts');
    return rows.map(shopifyCheckout).sort(byUpdate);
  },

  async createPromoCode(shop, request) {
    const rule = await shopifyCall(shop, 'price_rules.json', {
      method: 'POST',
      body: {
        price_rule: {
          title: request.code, target_type: 'line_item', target_selection: 'all', allocation_method: 'across',
          ...(request.amountCents === undefined
            ? { value_type: 'percentage', value: `-${request.percent}.0` }
            : { value_type: 'fixed_amount', value: `-${(request.amountCents / 100).toFixed(2)}` }),
          customer_selection: 'all',
          once_per_customer: request.oncePerCustomer ?? true, usage_limit: request.usageLimit, starts_at: iso(request.startsAt ?? Date.now()), ends_at: iso(request.expiresAt),
        },
      },
    });
    const ruleId = String(rule.body?.price_rule?.id ?? '');
    if (!ruleId) throw new AppError('internal.error', 'Shopify answered a price rule without an id');
    await shopifyCall(shop, `price_rules/${ruleId}/discount_codes.json`, { method: 'POST', body: { discount_code: { code: request.code } } });
    return { externalId: ruleId };
  },

  parseWebhook: parseShopifyWebhook,

  async connect(flags) {
    const domain = (flags['shop-domain'] ?? '').trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
    const accessToken = flags['access-token'] ?? '';
    const fields: Record<string, string[]> = {};
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(domain)) fields['shop-domain'] = ['a shop domain such as boutique.myshopify.com'];
    if (accessToken.length < 8) fields['access-token'] = ['the Admin API access token'];
    if (Object.keys(fields).length > 0) throw new AppError('request.invalid', 'Check the shop settings', { fields });
    const apiBase = flags['api-base'] ?? `https://${domain}`;
    assertPlatformHost(apiBase, [domain], 'shop');
    const shop = await shopifyCall({ apiBase, settings: {}, credentials: { accessToken } }, 'shop.json').catch((error: unknown) => {
      throw connectFailure(error, 'Shopify refused the access token');
    });
    const name = String(shop.body?.shop?.name ?? domain);
    return { name, externalId: domain, accountIds: [domain], apiBase, credentials: { accessToken }, settings: { apiVersion: SHOPIFY_API_VERSION } };
  },
};
