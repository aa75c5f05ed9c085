import { guardedFetch, isOutboundError } from '../../net/index.ts';
import type { ChannelContext } from '../provider.ts';

export interface GraphResponse {
  status: number;
  body: any;
  usage: string | null;
}

export class GraphTimeout extends Error {}

const DEFAULT_TIMEOUT_MS = 10_000;

/** One Graph API call with the channel's page token; parameters go as a JSON body or query. */
export async function graphCall(channel: ChannelContext, method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, unknown> = {}): Promise<GraphResponse> {
  const url = new URL(`${channel.apiBase.replace(/\/$/, '')}/${path.replace(/^\//, '')}`);
  const token = channel.credentials.pageToken ?? '';
  const timeoutMs = Number(channel.settings.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(params);
  } else {
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  }
  let response: Response;
  try {
    // The page token goes only to the channel's own API origin (never to a redirect target).
    response = await guardedFetch(url, { method, headers, body, timeoutMs, credentialOrigin: new URL(channel.apiBase).origin });
  } catch (error) {
    if (isOutboundError(error) && error.reason === 'timeout') throw new GraphTimeout(`Graph API did not answer within ${timeoutMs} ms`);
    throw error;
  }
  const text = await response.text();
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { error: { message: text.slice(0, 200) } };
  }
  return { status: response.status, body: parsed, usage: response.headers.get('x-business-use-case-usage') };
}
