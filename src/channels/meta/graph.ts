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
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) };
  if (method === 'POST') {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(params);
  } else {
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new GraphTimeout(`Graph API did not answer within ${timeoutMs} ms`);
    throw error;
  }
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { error: { message: text.slice(0, 200) } };
  }
  return { status: response.status, body, usage: response.headers.get('x-business-use-case-usage') };
}
