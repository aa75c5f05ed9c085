/**
 * commerce: shops (`shopify/`, `woocommerce/`) beside the inbox — customers, orders and
 * checkouts, identity links, cart recovery, promo codes, attribution and privacy requests.
 */
export type { PromoCodeRequest, ShopAdapter, ShopCheckout, ShopContext, ShopCustomer, ShopLineItem, ShopOrder } from './shop-adapter.ts';
