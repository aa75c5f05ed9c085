/**
 * The X API v2 front door (`/2/…`): Bearer user token, armed faults, per-endpoint rate
 * windows with `x-rate-limit-*` headers on every answer (429 once spent), then the endpoint.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { readBody, sendText } from '../../http-io.ts';
import type { XApiCall } from '../records.ts';
import { problems, XProblem, type XApiContext, type XApiRequest, type XApiResult } from './context.ts';
import { conversationEvents, dmEvents, me, sendDm, userById } from './dm-api.ts';
import type { createXFaults } from './faults.ts';
import type { RateLimits } from './rate-limits.ts';
import { createTweet, deleteTweet, getTweet, hideReply, like, mentions, userTweets } from './tweets-api.ts';

export interface XApiDeps {
  ctx: XApiContext;
  limits: RateLimits;
  faults: ReturnType<typeof createXFaults>;
}

type Handler = (ctx: XApiContext, req: XApiRequest) => XApiResult;
const routes: Array<[method: string, pattern: string, handler: Handler]> = [
  ['POST', '/2/tweets', createTweet],
  ['DELETE', '/2/tweets/:id', deleteTweet],
  ['GET', '/2/tweets/:id', getTweet],
  ['PUT', '/2/tweets/:id/hidden', hideReply],
  ['POST', '/2/dm_conversations/with/:id/messages', sendDm],
  ['GET', '/2/dm_conversations/with/:id/dm_events', conversationEvents],
  ['GET', '/2/dm_events', dmEvents],
  ['GET', '/2/users/me', me],
  ['GET', '/2/users/:id', userById],
  ['GET', '/2/users/:id/mentions', mentions],
  ['GET', '/2/users/:id/tweets', userTweets],
  ['POST', '/2/users/:id/likes', like],
];

export function isXApiPath(pathname: string): boolean {
  return pathname === '/2' || pathname.startsWith('/2/');
}

export async function handleXApi(deps: XApiDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { ctx } = deps;
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  const route = findRoute(method, url.pathname);
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const account = [...ctx.world.accounts.values()].find((a) => a.accessToken === token);
  const call: XApiCall = { method, path: url.pathname, endpoint: route?.endpoint ?? `${method} ${url.pathname}`, query: Object.fromEntries(url.searchParams), body: undefined, accountId: account?.id, at: ctx.now() };
  ctx.log.calls.push(call);
  let headers: Record<string, string> = {};
  let result: XApiResult;
  const fault = deps.faults.take(method, url.pathname);
  if (fault && fault.delayMs > 0) await delay(fault.delayMs);
  try {
    if (!account) throw problems.unauthorized();
    if (!route) throw new XProblem(404, { title: 'Not Found', type: 'about:blank', status: 404, detail: `No ${method} ${url.pathname} here` });
    const quota = deps.limits.take(account.id, route.endpoint);
    headers = quota.headers;
    if (!quota.allowed) throw problems.tooMany();
    if (fault?.answer) {
      headers = { ...headers, ...fault.answer.headers };
      result = { status: fault.answer.status, body: fault.answer.body };
    } else {
      call.body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
      result = route.handler(ctx, { account, params: route.params, query: url.searchParams, body: call.body });
    }
  } catch (error) {
    if (error instanceof SyntaxError) result = { status: 400, body: { title: 'Invalid Request', detail: 'The request body is not valid JSON', type: 'about:blank', status: 400 } };
    else if (error instanceof XProblem) result = { status: error.status, body: error.body };
    else throw error;
  }
  if (fault?.actThenHang) {
    result.after?.(); // done, but the answer never leaves: the client times out not knowing
    return;
  }
  sendText(res, result.status, JSON.stringify(result.body), headers);
  call.status = result.status;
  result.after?.();
}

function findRoute(method: string, path: string): { endpoint: string; handler: Handler; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const [routeMethod, pattern, handler] of routes) {
    const wanted = pattern.split('/').filter(Boolean);
    if (routeMethod !== method || wanted.length !== parts.length) continue;
    const params: Record<string, string> = {};
    // `/2/users/me` is listed before `/2/users/:id`, so `me` never becomes an id.
    if (wanted.every((segment, i) => (segment.startsWith(':') ? Boolean((params[segment.slice(1)] = parts[i]!)) : segment === parts[i]))) {
      return { endpoint: `${method} ${pattern}`, handler, params };
    }
  }
  return undefined;
}
