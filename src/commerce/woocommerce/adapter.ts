import { AppError } from '../../kernel/index.ts';
import type { ShopPlatform } from '../shop-event.ts';
import { assertPlatformHost } from '../../net/index.ts';
import { connectFailure } from '../shop-api-error.ts';
import { wooCall, wooListAll } from './api.ts';
import { parseWooWebhook, wooOrder } from './inbound.ts';

/** Woo wants local-looking ISO times without the zone for `_gmt` filters. */
const gmt = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/**
 * WooCommerce through its REST API v3: orders for reconciliation (Woo has no checkout
 * resource, so no carts), a coupon for a one-time promo code. Auth is the consumer key and
 * secret; webhooks are signed with the webhook's own secret.
 */
export const wooPlatform: ShopPlatform = {
  platform: 'woocommerce',

  async listOrders(shop, since) {
    const rows = await wooListAll(shop, `orders?orderby=modified&order=asc&dates_are_gmt=true&modified_after=${encodeURIComponent(gmt(since))}`);
    return rows.map(wooOrder).sort((a, b) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0));
  },

  async listCheckouts() {
    return [];
  },

  async createPromoCode(shop, request) {
    const coupon = await wooCall(shop, 'coupons', {
      method: 'POST',
      body: {
        code: request.code, individual_use: true,
        ...(request.amountCents === undefined
          ? { discount_type: 'percent', amount: String(request.percent) }
          : { discount_type: 'fixed_cart', amount: (request.amountCents / 100).toFixed(2) }),
        usage_limit: request.usageLimit, ...(request.oncePerCustomer === false ? {} : { usage_limit_per_user: 1 }), date_expires_gmt: gmt(request.expiresAt),
      },
    });
    const id = String(coupon.body?.id ?? '');
    if (!id) throw new AppError('internal.error', 'WooCommerce answered a coupon without an id');
    return { externalId: id };
  },

  parseWebhook: parseWooWebhook,

  async connect(flags) {
    const siteUrl = (flags['site-url'] ?? '').trim().replace(/\/+$/, '');
    const credentials = { consumerKey: flags['consumer-key'] ?? '', consumerSecret: flags['consumer-secret'] ?? '', webhookSecret: flags['webhook-secret'] ?? '' };
    const fields: Record<string, string[]> = {};
    if (!/^https?:\/\/[^\s/]+/.test(siteUrl)) fields['site-url'] = ['the shop address, such as https://boutique.fr'];
    if (!credentials.consumerKey.startsWith('ck_')) fields['consumer-key'] = ['a consumer key (ck_…)'];
    if (!credentials.consumerSecret.startsWith('cs_')) fields['consumer-secret'] = ['a consumer secret (cs_…)'];
    if (credentials.webhookSecret.length < 8) fields['webhook-secret'] = ['the secret set on the shop\'s webhooks (8 characters or more)'];
    if (Object.keys(fields).length > 0) throw new AppError('request.invalid', 'Check the shop settings', { fields });
    const apiBase = flags['api-base'] ?? siteUrl;
    // Woo's keys go to the shop's own site, nowhere else.
    if (apiBase !== siteUrl) assertPlatformHost(apiBase, [new URL(siteUrl).hostname.toLowerCase()], 'shop');
    await wooCall({ apiBase, credentials }, 'orders?per_page=1').catch((error: unknown) => {
      throw connectFailure(error, 'WooCommerce refused the keys');
    });
    const name = new URL(siteUrl).host;
    return { name, externalId: siteUrl, accountIds: [siteUrl], apiBase, credentials, settings: {} };
  },
};
