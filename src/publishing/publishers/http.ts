import { guardedFetch, isOutboundError } from '../../net/index.ts';
import { PublishTimeout } from './publisher.ts';

export interface JsonResponse {
  status: number;
  body: any;
  headers: Headers;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The one door publishing uses to reach a platform: the guarded outbound client the channels
 * use (SSRF guard; the token goes only to the channel's own API origin), with a time-out.
 *
 * @throws PublishTimeout when no answer came in time (the call may have acted); the guard's
 * OutboundError when the address is refused (nothing was sent).
 */
export async function callJson(url: URL, init: { method: string; headers?: Record<string, string>; body?: unknown }, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await guardedFetch(url, { method: init.method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), timeoutMs, credentialOrigin: url.origin });
  } catch (error) {
    if (isOutboundError(error) && error.reason === 'timeout') throw new PublishTimeout(`No answer within ${timeoutMs} ms from ${url.host}`);
    throw error;
  }
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { message: text.slice(0, 200) };
  }
  return { status: response.status, body, headers: response.headers };
}

export function timeoutOf(settings: Record<string, unknown>): number {
  const value = Number(settings.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

export const joinUrl = (base: string, path: string) => new URL(`${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
