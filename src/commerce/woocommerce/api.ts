import type { ShopContext } from '../shop-adapter.ts';
import { callShopApi, type ShopResponse } from '../shop-api-error.ts';

/** Woo's REST errors: `{"code": "woocommerce_rest_…", "message": "…", "data": {"status": 4xx}}`. */
function describeWooError(body: any): string {
  if (body && typeof body === 'object' && typeof body.message === 'string') return `${body.code ?? 'error'}: ${body.message}`;
  return typeof body === 'string' ? body.slice(0, 200) : 'unknown error';
}

/** The consumer key and secret as HTTP Basic auth (Woo's way over HTTPS). */
export function wooCall(shop: Pick<ShopContext, 'apiBase' | 'credentials'>, path: string, init: { method?: string; body?: unknown } = {}): Promise<ShopResponse> {
  const basic = Buffer.from(`${shop.credentials.consumerKey ?? ''}:${shop.credentials.consumerSecret ?? ''}`).toString('base64');
  return callShopApi(`${shop.apiBase.replace(/\/+$/, '')}/wp-json/wc/v3/${path}`, { ...init, headers: { authorization: `Basic ${basic}` }, credentialOrigin: new URL(shop.apiBase).origin }, describeWooError);
}

/** Every page of a list (Woo answers the page count in `X-WP-TotalPages`), bounded. */
export async function wooListAll(shop: ShopContext, path: string): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let page = 1; page <= 50; page++) {
    const response = await wooCall(shop, `${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`);
    const rows = Array.isArray(response.body) ? (response.body as unknown[]) : [];
    all.push(...rows);
    const pages = Number(response.headers.get('x-wp-totalpages') ?? '1');
    if (rows.length === 0 || page >= pages) break;
  }
  return all;
}
