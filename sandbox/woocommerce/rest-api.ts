/**
 * The REST API v3 subset Relais calls, under `/wp-json/wc/v3/`: orders (paged, filtered by
 * `modified_after`), coupons and customers. Consumer key and secret by HTTP Basic auth or
 * query string; errors in WordPress's `{"code","message","data":{"status"}}` shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendText } from '../http-io.ts';
import { wooTime, type Json, type WooStore } from './resources.ts';

export const isWooPath = (path: string) => path.startsWith('/wp-json/wc/v3/');

export interface WooCall {
  method: string;
  path: string;
  site: string | null;
  status: number;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => sendText(res, status, JSON.stringify(body), headers);
const error = (code: string, message: string, status: number) => ({ code, message, data: { status } });

function credentials(req: IncomingMessage, url: URL): [string, string] {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const [key = '', secret = ''] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    return [key, secret];
  }
  return [url.searchParams.get('consumer_key') ?? '', url.searchParams.get('consumer_secret') ?? ''];
}

export async function handleWooApi(stores: Map<string, WooStore>, calls: WooCall[], now: () => number, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.slice('/wp-json/wc/v3/'.length);
  const [key, secret] = credentials(req, url);
  const store = [...stores.values()].find((candidate) => candidate.consumerKey === key);
  const call: WooCall = { method, path, site: store?.siteUrl ?? null, status: 200 };
  calls.push(call);
  const fail = (code: string, message: string, status: number) => {
    call.status = status;
    send(res, status, error(code, message, status));
  };
  if (!store) return fail('woocommerce_rest_authentication_error', 'Consumer key is invalid.', 401);
  if (store.consumerSecret !== secret) return fail('woocommerce_rest_authentication_error', 'Invalid signature - provided signature does not match.', 401);

  if (method === 'GET' && (path === 'orders' || path === 'customers' || path === 'coupons')) {
    const all = [...(path === 'orders' ? store.orders : path === 'customers' ? store.customers : store.coupons).values()];
    const after = url.searchParams.get('modified_after');
    const since = after ? Date.parse(/Z|[+-]\d\d:\d\d$/.test(after) ? after : `${after}Z`) : -Infinity;
    const rows = all.filter((row) => Date.parse(`${row.date_modified_gmt}Z`) > since)
      .sort((a, b) => Date.parse(`${a.date_modified_gmt}Z`) - Date.parse(`${b.date_modified_gmt}Z`) || a.id - b.id);
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 10), 100);
    const pageNumber = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
    const pages = Math.max(Math.ceil(rows.length / perPage), 1);
    return send(res, 200, rows.slice((pageNumber - 1) * perPage, pageNumber * perPage), { 'x-wp-total': String(rows.length), 'x-wp-totalpages': String(pages) });
  }
  const order = /^orders\/(\d+)$/.exec(path);
  if (method === 'GET' && order) {
    const found = store.orders.get(order[1]!);
    return found ? send(res, 200, found) : fail('woocommerce_rest_shop_order_invalid_id', 'Invalid ID.', 404);
  }
  if (method === 'POST' && path === 'coupons') {
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Json;
    const code = String(body.code ?? '').trim().toLowerCase();
    if (!code) return fail('rest_missing_callback_param', 'Missing parameter(s): code', 400);
    if ([...store.coupons.values()].some((coupon) => coupon.code === code)) return fail('woocommerce_rest_coupon_code_already_exists', 'The coupon code already exists', 400);
    const id = store.nextId++;
    const coupon = {
      id, code, amount: String(body.amount ?? '0'), discount_type: body.discount_type ?? 'fixed_cart', individual_use: Boolean(body.individual_use),
      usage_limit: body.usage_limit ?? null, usage_limit_per_user: body.usage_limit_per_user ?? null, usage_count: 0,
      date_expires: body.date_expires_gmt ?? null, date_expires_gmt: body.date_expires_gmt ?? null,
      date_created_gmt: wooTime(now()), date_modified_gmt: wooTime(now()),
    };
    store.coupons.set(String(id), coupon);
    call.status = 201;
    return send(res, 201, coupon);
  }
  return fail('rest_no_route', 'No route was found matching the URL and request method.', 404);
}
