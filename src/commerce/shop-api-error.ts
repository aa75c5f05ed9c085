import { parseShopJson } from './normalize.ts';

/** A shop API call that failed, typed the way outbound failures are. */
export class ShopApiError extends Error {
  constructor(
    readonly kind: 'transient' | 'rate_limited' | 'auth' | 'permanent',
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface ShopResponse {
  status: number;
  headers: Headers;
  body: any;
}

const TIMEOUT_MS = 15_000;

/** One JSON call to a shop API; non-2xx answers become a `ShopApiError` with the platform's words. */
export async function callShopApi(url: string, init: { method?: string; headers: Record<string, string>; body?: unknown }, describe: (body: any) => string): Promise<ShopResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ShopApiError('transient', `The shop did not answer: ${(error as Error).message}`, 0);
  }
  const raw = await response.text();
  let body: any;
  try {
    body = raw ? parseShopJson(raw) : null;
  } catch {
    body = raw;
  }
  if (response.ok) return { status: response.status, headers: response.headers, body };
  const message = `${response.status}: ${describe(body)}`;
  if (response.status === 401 || response.status === 403) throw new ShopApiError('auth', message, response.status);
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after') ?? '2');
    throw new ShopApiError('rate_limited', message, 429, (Number.isFinite(seconds) ? seconds : 2) * 1000);
  }
  throw new ShopApiError(response.status >= 500 ? 'transient' : 'permanent', message, response.status);
}
