/**
 * The Admin REST API subset Relais calls, under `/admin/api/<version>/`: shop, orders,
 * abandoned checkouts, customers, price rules and their discount codes. The access token
 * in `X-Shopify-Access-Token` names the shop; errors have Shopify's `{"errors": …}` shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendText } from '../http-io.ts';
import { iso, shopifyId, type Json, type ShopifyShop } from './resources.ts';

export const isShopifyAdminPath = (path: string) => /^\/admin\/api\/\d{4}-\d{2}\//.test(path);

export interface AdminCall {
  method: string;
  path: string;
  shop: string | null;
  status: number;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  sendText(res, status, JSON.stringify(body), { 'x-shopify-shop-api-call-limit': '1/40', ...headers });

/**
 * A cursor page, as Shopify pages REST lists: `page_info` carries the position and the
 * filters (a next-page URL has only `limit` and `page_info`), announced in `Link`.
 */
function page(res: ServerResponse, url: URL, key: string, rows: Json[], maxLimit: number, origin: string): void {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), maxLimit);
  const offset = cursorOf(url)?.offset ?? 0;
  const slice = rows.slice(offset, offset + limit);
  const headers: Record<string, string> = {};
  if (offset + limit < rows.length) {
    const filters = Object.fromEntries([...filtersOf(url)].filter(([name]) => name !== 'limit'));
    const next = new URL(url.pathname, origin);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('page_info', Buffer.from(JSON.stringify({ offset: offset + limit, filters })).toString('base64url'));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  send(res, 200, { [key]: slice }, headers);
}

function cursorOf(url: URL): { offset: number; filters: Record<string, string> } | undefined {
  const info = url.searchParams.get('page_info');
  return info ? (JSON.parse(Buffer.from(info, 'base64url').toString('utf8')) as { offset: number; filters: Record<string, string> }) : undefined;
}

/** The list's filters: from the query, or from the cursor on a later page. */
function filtersOf(url: URL): URLSearchParams {
  const cursor = cursorOf(url);
  return cursor ? new URLSearchParams(cursor.filters) : url.searchParams;
}

function updatedSince(rows: Iterable<Json>, url: URL): Json[] {
  const min = filtersOf(url).get('updated_at_min');
  const since = min ? Date.parse(min) : -Infinity;
  return [...rows].filter((row) => Date.parse(row.updated_at) >= since).sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at));
}

/** `maxLimit`: Shopify's 250 per page, lowered by tests to see paging. */
export async function handleShopifyAdmin(shops: Map<string, ShopifyShop>, calls: AdminCall[], now: () => number, maxLimit: number, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  // Shopify's `Link` names the shop's own address: here, the sandbox as the client reached it.
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  const path = url.pathname.replace(/^\/admin\/api\/\d{4}-\d{2}\//, '');
  const token = req.headers['x-shopify-access-token'];
  const shop = [...shops.values()].find((candidate) => candidate.accessToken === token);
  const call: AdminCall = { method, path, shop: shop?.domain ?? null, status: 200 };
  calls.push(call);
  const fail = (status: number, errors: unknown) => {
    call.status = status;
    send(res, status, { errors });
  };
  if (!shop) return fail(401, '[API] Invalid API key or access token (unrecognized login or wrong password)');
  const body = method === 'POST' ? (JSON.parse((await readBody(req)).toString('utf8') || '{}') as Json) : {};

  if (method === 'GET' && path === 'shop.json') return send(res, 200, { shop: { id: 1, name: shop.name, domain: shop.domain, myshopify_domain: shop.domain, currency: 'EUR' } });
  if (method === 'GET' && path === 'orders.json') {
    const status = filtersOf(url).get('status') ?? 'open';
    const rows = updatedSince(shop.orders.values(), url).filter((order) => status === 'any' || (status === 'open' ? !order.cancelled_at : Boolean(order.cancelled_at)));
    return page(res, url, 'orders', rows, maxLimit, origin);
  }
  if (method === 'GET' && path === 'checkouts.json') return page(res, url, 'checkouts', updatedSince(shop.checkouts.values(), url).filter((c) => !c.completed_at), maxLimit, origin);
  if (method === 'GET' && path === 'customers.json') return page(res, url, 'customers', updatedSince(shop.customers.values(), url), maxLimit, origin);
  const order = /^orders\/(\d+)\.json$/.exec(path);
  if (method === 'GET' && order) {
    const found = shop.orders.get(order[1]!);
    return found ? send(res, 200, { order: found }) : fail(404, 'Not Found');
  }
  if (method === 'POST' && path === 'price_rules.json') {
    const rule = body.price_rule as Json | undefined;
    const errors: Record<string, string[]> = {};
    if (!rule?.title) errors.title = ["can't be blank"];
    if (rule && !['percentage', 'fixed_amount'].includes(rule.value_type)) errors.value_type = ['is not included in the list'];
    if (rule && !(Number(rule.value) < 0)) errors.value = ['must be less than 0'];
    if (Object.keys(errors).length > 0) return fail(422, errors);
    const created = { ...rule, id: shopifyId(), created_at: iso(now()), updated_at: iso(now()) };
    shop.priceRules.set(String(created.id), created);
    call.status = 201;
    return send(res, 201, { price_rule: created });
  }
  const codes = /^price_rules\/(\d+)\/discount_codes\.json$/.exec(path);
  if (method === 'POST' && codes) {
    if (!shop.priceRules.has(codes[1]!)) return fail(404, 'Not Found');
    const code = String(body.discount_code?.code ?? '');
    if (!code) return fail(422, { code: ["can't be blank"] });
    if ([...shop.discountCodes.values()].some((existing) => String(existing.code).toLowerCase() === code.toLowerCase())) return fail(422, { code: ['must be unique'] });
    const created = { id: shopifyId(), price_rule_id: Number(codes[1]), code, usage_count: 0, created_at: iso(now()), updated_at: iso(now()) };
    shop.discountCodes.set(String(created.id), created);
    call.status = 201;
    return send(res, 201, { discount_code: created });
  }
  return fail(404, 'Not Found');
}
