// The commerce endpoints of docs/api.md ("Shops and orders"), typed after their shapes.
import { request } from './client.ts';

export type OrderStatus = 'open' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';
export interface LineItem { title: string; quantity: number; priceCents: number; sku: string | null }

export interface Order {
  id: string;
  channelId: string;
  number: string;
  status: OrderStatus;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  totalCents: number;
  currency: string;
  items: LineItem[];
  trackingUrl: string | null;
  discountCodes: string[];
  placedAt: number;
}

export interface OpenCart { id: string; channelId: string; totalCents: number; currency: string; items: LineItem[]; recoveryUrl: string | null; updatedAt: number }

export interface CustomerCommerce {
  shopCustomers: { id: string; channelId: string; email: string | null; phone: string | null; name: string | null; linkMethod: string | null }[];
  orders: Order[];
  openCarts: OpenCart[];
  lifetimeValue: { cents: number; currency: string | null; orders: number };
  firstOrderAt: number | null;
  lastOrderAt: number | null;
}

export interface LinkSuggestion { orderId: string; number: string; shopCustomerId: string | null; customerName: string | null; email: string | null; totalCents: number; currency: string; placedAt: number; messageId: string }

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const getContactCommerce = (contactId: string) =>
  request<{ commerce: CustomerCommerce; suggestions: LinkSuggestion[] }>('GET', `${v1}/contacts/${id(contactId)}/commerce`);
export const linkOrder = (contactId: string, orderId: string) => request<unknown>('POST', `${v1}/contacts/${id(contactId)}/shop-links`, { orderId });
export const unlinkShopCustomer = (contactId: string, shopCustomerId: string) =>
  request<void>('DELETE', `${v1}/contacts/${id(contactId)}/shop-links/${id(shopCustomerId)}`);

export type ShopInput =
  | { platform: 'shopify'; shopDomain: string; accessToken: string; apiBase?: string }
  | { platform: 'woocommerce'; siteUrl: string; consumerKey: string; consumerSecret: string; webhookSecret: string; apiBase?: string };

/** Owners and admins: the credentials are checked with the shop first; answers the webhook address to give the shop. */
export const connectShop = (input: ShopInput) => request<{ id: string; webhookUrl: string }>('POST', `${v1}/shops`, input);
