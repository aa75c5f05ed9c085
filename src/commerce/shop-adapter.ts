/**
 * What a shop connector (`shopify/`, `woocommerce/`) offers. Webhook intake, reconciliation,
 * cart recovery and promo codes call only this; no commerce code switches on platform names.
 * Everything is normalised here: money in minor units, ids as strings, times in epoch ms.
 */

/** A connected shop as an adapter needs it to call the platform. */
export interface ShopContext {
  channelId: string;
  workspaceId: string;
  /** Shopify shop domain (`x.myshopify.com`) or WooCommerce site URL. */
  externalId: string;
  /** Where the Admin / REST API answers (the sandbox in tests). */
  apiBase: string;
  /** Decrypted credentials (access token, consumer key and secret, webhook secret). */
  credentials: Record<string, string>;
  settings: Record<string, unknown>;
}

export interface ShopLineItem {
  title: string;
  quantity: number;
  priceCents: number;
  sku: string | null;
}

export interface ShopCustomer {
  externalId: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  acceptsMarketing: boolean;
}

export interface ShopOrder {
  externalId: string;
  number: string;
  customer: ShopCustomer | null;
  email: string | null;
  phone: string | null;
  currency: string;
  totalCents: number;
  status: 'open' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  items: ShopLineItem[];
  trackingUrl: string | null;
  discountCodes: string[];
  landingSite: string | null;
  referringSite: string | null;
  checkoutToken: string | null;
  cartToken: string | null;
  placedAt: number;
  updatedAt: number | null;
  cancelledAt: number | null;
}

export interface ShopCheckout {
  token: string;
  cartToken: string | null;
  customer: ShopCustomer | null;
  email: string | null;
  phone: string | null;
  currency: string;
  totalCents: number;
  items: ShopLineItem[];
  recoveryUrl: string | null;
  completedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface PromoCodeRequest {
  /** Upper-case letters and digits, e.g. 'RELAIS-7KQ2'. */
  code: string;
  percent: number;
  expiresAt: number;
  /** One use per customer; the recovery code is for one cart. */
  usageLimit: number;
  /** A fixed amount off instead of a percentage (a post's deal may be either). */
  amountCents?: number | undefined;
  /** When the code starts to work (default: now). */
  startsAt?: number | undefined;
  /** Recovery codes are once per customer; a post's deal may allow more. */
  oncePerCustomer?: boolean | undefined;
}

export interface ShopAdapter {
  /** `channels.kind`: 'shopify' or 'woocommerce'. */
  readonly platform: string;
  /** Orders updated at or after `since`, oldest first, for reconciliation. */
  listOrders(shop: ShopContext, since: number): Promise<ShopOrder[]>;
  /** Checkouts updated at or after `since` (platforms without checkouts answer []). */
  listCheckouts(shop: ShopContext, since: number): Promise<ShopCheckout[]>;
  /** Creates a one-time code at the shop; answers the shop's id for it. */
  createPromoCode(shop: ShopContext, request: PromoCodeRequest): Promise<{ externalId: string }>;
}
