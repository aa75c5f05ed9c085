// The commerce endpoints of docs/api.md ("Shops and orders"), typed after their shapes.
import { request } from './client.ts';
import type { CustomerCommerce, LineItem, LinkSuggestion, OpenCart, Order, OrderStatus, ShopInput } from '../../../../src/contracts/index.ts';

export type { CustomerCommerce, LineItem, LinkSuggestion, OpenCart, Order, OrderStatus, ShopInput };

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const getContactCommerce = (contactId: string) =>
  request<{ commerce: CustomerCommerce; suggestions: LinkSuggestion[] }>('GET', `${v1}/contacts/${id(contactId)}/commerce`);
export const linkOrder = (contactId: string, orderId: string) => request<unknown>('POST', `${v1}/contacts/${id(contactId)}/shop-links`, { orderId });
export const unlinkShopCustomer = (contactId: string, shopCustomerId: string) =>
  request<void>('DELETE', `${v1}/contacts/${id(contactId)}/shop-links/${id(shopCustomerId)}`);

/** Owners and admins: the credentials are checked with the shop first; answers the webhook address to give the shop. */
export const connectShop = (input: ShopInput) => request<{ id: string; webhookUrl: string }>('POST', `${v1}/shops`, input);
