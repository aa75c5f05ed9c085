import { guardedFetch, isOutboundError } from '../../net/index.ts';
import type { ChannelContext } from '../provider.ts';
import { parseXJson } from './exact-json.ts';
import { gateKey, type RateGate } from './rate-gate.ts';

export interface XResponse {
  status: number;
  body: any;
  headers: Headers;
}

/** No answer in time: the call may have acted (a post published), so reconcile before retrying. */
export class XTimeout extends Error {}

/** Refused locally: the endpoint's window is spent until its reset. Nothing was sent. */
export class XRateGated extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`X rate limit spent for this endpoint: wait ${Math.ceil(retryAfterMs / 1000)} s for its reset`);
  }
}

export interface XCallOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
}

export type XApi = (channel: ChannelContext, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options?: XCallOptions) => Promise<XResponse>;

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * One X API v2 call with the channel's OAuth 2.0 user token, behind the rate gate.
 *
 * @example await api(channel, 'GET', '/2/users/me') // { status: 200, body: { data: { id, username } }, headers }
 * @throws XRateGated before calling when the window is spent; XTimeout when X did not answer in time.
 */
export function createXApi(gate: RateGate): XApi {
  return async (channel, method, path, options = {}) => {
    const key = gateKey(channel.id, method, path);
    const wait = await gate.waitMs(key);
    if (wait > 0) throw new XRateGated(wait);
    const url = new URL(`${channel.apiBase.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    const timeoutMs = Number(channel.settings.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS);
    const headers: Record<string, string> = { authorization: `Bearer ${channel.credentials.accessToken ?? ''}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      // The user token goes only to the channel's own API origin (never to a redirect target).
      response = await guardedFetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), timeoutMs, credentialOrigin: new URL(channel.apiBase).origin });
    } catch (error) {
      if (isOutboundError(error) && error.reason === 'timeout') throw new XTimeout(`X did not answer within ${timeoutMs} ms`);
      throw error;
    }
    const text = await response.text();
    gate.observe(key, response.status, response.headers);
    let body: any;
    try {
      body = text ? parseXJson(text) : {};
    } catch {
      body = { detail: text.slice(0, 200) };
    }
    return { status: response.status, body, headers: response.headers };
  };
}
