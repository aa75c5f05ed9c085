import type { ShopContext } from '../shop-adapter.ts';
import { callShopApi, type ShopResponse } from '../shop-api-error.ts';

export const SHOPIFY_API_VERSION = '2026-04';

/** Shopify's error bodies: `{"errors": "…"}` or `{"errors": {"field": ["…"]}}`. */
function describeShopifyError(body: any): string {
  const errors = body?.errors;
  if (typeof errors === 'string') return errors;
  if (errors && typeof errors === 'object') return Object.entries(errors).map(([field, list]) => `${field} ${([] as unknown[]).concat(list).join(', ')}`).join('; ');
  return typeof body === 'string' ? body.slice(0, 200) : 'unknown error';
}

export function shopifyUrl(shop: Pick<ShopContext, 'apiBase' | 'settings'>, path: string): string {
  const version = typeof shop.settings.apiVersion === 'string' ? shop.settings.apiVersion : SHOPIFY_API_VERSION;
  return `${shop.apiBase.replace(/\/+$/, '')}/admin/api/${version}/${path}`;
}

export function shopifyCall(shop: Pick<ShopContext, 'apiBase' | 'settings' | 'credentials'>, pathOrUrl: string, init: { method?: string; body?: unknown } = {}): Promise<ShopResponse> {
  const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : shopifyUrl(shop, pathOrUrl);
  // A `Link` page URL comes from the answer: the token follows it only on the shop's own origin.
  return callShopApi(url, { ...init, headers: { 'x-shopify-access-token': shop.credentials.accessToken ?? '' }, credentialOrigin: new URL(shop.apiBase).origin }, describeShopifyError);
}

/** The `rel="next"` page of a `Link` header (Shopify paginates REST lists by cursor). */
export function nextPage(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1]!;
  }
  return null;
}

/** Every item of a paginated list, following `Link` until the end (bounded). */
export async function listAll(shop: ShopContext, path: string, key: string): Promise<unknown[]> {
  const all: unknown[] = [];
  let url: string | null = path;
  for (let page = 0; url && page < 50; page++) {
    const response = await shopifyCall(shop, url);
    all.push(...((response.body?.[key] as unknown[] | undefined) ?? []));
    url = nextPage(response.headers.get('link'));
  }
  return all;
}
