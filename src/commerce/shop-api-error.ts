import { AppError } from '../kernel/index.ts';
import { guardedFetch, isOutboundError, outboundAppError } from '../net/index.ts';
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

/**
 * One JSON call to a shop API through the outbound guard; non-2xx answers become a
 * `ShopApiError` with the platform's words (for logs and jobs, not for the connecting admin).
 * The shop's keys go only to `credentialOrigin`, the origin of its API base. A guard refusal
 * is rethrown as the `OutboundError` it is (permanent); a shop that does not answer is a
 * transient `ShopApiError` with status 0.
 */
export async function callShopApi(url: string, init: { method?: string; headers: Record<string, string>; body?: unknown; credentialOrigin: string }, describe: (body: any) => string): Promise<ShopResponse> {
  let response: Response;
  try {
    response = await guardedFetch(url, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      timeoutMs: TIMEOUT_MS,
      credentialOrigin: init.credentialOrigin,
    });
  } catch (error) {
    if (isOutboundError(error) && error.refused) throw error;
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

/**
 * What the admin connecting a shop is told: a refused address (400 `shop.address_refused`),
 * a shop that does not answer (422 `shop.unreachable`), or refused keys with the HTTP status
 * only; the shop's own words go to the log through the error's cause, never to the caller.
 */
export function connectFailure(error: unknown, refusedKeys: string): unknown {
  if (isOutboundError(error)) return outboundAppError(error, 'shop');
  if (error instanceof ShopApiError && error.status === 0) return new AppError('shop.unreachable', 'The shop\'s API could not be reached', { cause: error });
  if (error instanceof ShopApiError) return new AppError('channel.needs_reconnect', `${refusedKeys} (the shop answered HTTP ${error.status})`, { cause: error });
  return error;
}
