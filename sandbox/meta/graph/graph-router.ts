/**
 * The Graph API front door, for any `/vNN.N/` prefix: parameters from query, form or JSON;
 * the token from `access_token` or `Authorization: Bearer`; armed faults; throttling; then
 * the endpoint. Every answer, errors included, carries Meta's usage headers and is serialised
 * the way Graph serialises (escaped non-ASCII and slashes).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { readBody, readParams, sendText } from '../../http-io.ts';
import { toMetaJson } from '../meta-json.ts';
import type { GraphCall } from '../records.ts';
import type { PageRecord } from '../world.ts';
import { deleteComment, hideComment, likeObject, listComments, publicReply } from './comment-api.ts';
import type { GraphContext, GraphRequest, GraphResult } from './context.ts';
import type { FaultList } from './faults.ts';
import { GraphError, graphErrors } from './graph-error.ts';
import { listConversations, readNode, subscribedApps } from './read-api.ts';
import { sendMessage } from './send-api.ts';
import { containerNode, insights, instagramContainer, instagramLimit, instagramMediaList, instagramPublish, pageFeedList, pageFeedPost, pagePhoto } from './publish-api.ts';
import type { UsageMeter } from './usage.ts';

export interface GraphDeps {
  ctx: GraphContext;
  usage: UsageMeter;
  faults: FaultList;
}

const versioned = /^\/(v\d+\.\d+)(\/.*)?$/;

export function isGraphPath(pathname: string): boolean {
  return versioned.test(pathname);
}

export async function handleGraph(deps: GraphDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { ctx } = deps;
  const [, version = '', path = '/'] = versioned.exec(url.pathname) ?? [];
  const raw = await readBody(req);
  let params: Record<string, unknown>;
  let unreadable = false;
  try {
    params = readParams(url, req.headers['content-type'], raw);
  } catch {
    params = Object.fromEntries(url.searchParams);
    unreadable = true;
  }
  const bearer = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const token = typeof params.access_token === 'string' ? params.access_token : bearer;
  // Graph lets a client tunnel DELETE through POST with `method=delete`.
  const method = String(params.method ?? req.method ?? 'GET').toUpperCase();
  delete params.access_token;
  delete params.method;
  const page = token === undefined || ctx.world.revokedTokens.has(token) ? undefined : [...ctx.world.pages.values()].find((p) => p.accessToken === token);
  const call: GraphCall = { method, path, version, params, pageId: page?.id, at: ctx.clock.now() };
  ctx.log.calls.push(call);
  deps.usage.record(page?.id);

  const fault = deps.faults.take(method, path);
  if (fault && fault.delayMs > 0) await delay(fault.delayMs);
  let status = 200;
  let body: unknown;
  let after: (() => void) | undefined;
  try {
    if (fault?.error) throw fault.error;
    if (unreadable) throw graphErrors.param('The request body is not valid JSON');
    ({ body, after } = await dispatch(deps, method, path, params, token, page));
  } catch (error) {
    const failure = error instanceof GraphError ? error : new GraphError(500, { message: 'An unknown error occurred', type: 'OAuthException', code: 1 });
    status = failure.status;
    body = { error: { ...failure.fields, fbtrace_id: ctx.ids.fbtrace() } };
  }
  if (fault?.actThenHang) {
    after?.(); // done, but the answer never leaves: the client times out not knowing
    return;
  }
  const headers = { ...deps.usage.headers(page?.id), 'x-fb-trace-id': ctx.ids.fbtrace(), 'facebook-api-version': version };
  sendText(res, status, toMetaJson(body), headers);
  call.status = status;
  after?.();
}

async function dispatch(deps: GraphDeps, method: string, path: string, params: Record<string, unknown>, token: string | undefined, page: PageRecord | undefined): Promise<GraphResult> {
  if (token === undefined) throw graphErrors.missingToken();
  if (!page) throw graphErrors.invalidToken(deps.ctx.world.revokedTokens.has(token));
  const throttle = deps.usage.throttledFor(page.id);
  if (throttle) throw graphErrors.throttled(throttle.code);
  const [id, edge, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (id === undefined) throw graphErrors.param('Missing object id');
  if (rest.length > 0) throw graphErrors.unknownPath(`/${rest.join('/')}`);
  const req: GraphRequest = { method, page, nodeId: id === 'me' ? page.id : id, edge, params };
  const ctx = deps.ctx;
  switch (`${method} ${edge ?? ''}`) {
    case 'GET ': return containerNode(ctx, req) ?? readNode(ctx, req);
    case 'POST feed': return pageFeedPost(ctx, req);
    case 'GET feed': return pageFeedList(ctx, req);
    case 'POST photos': return pagePhoto(ctx, req);
    case 'POST media': return instagramContainer(ctx, req);
    case 'GET media': return instagramMediaList(ctx, req);
    case 'POST media_publish': return instagramPublish(ctx, req);
    case 'GET content_publishing_limit': return instagramLimit(ctx, req);
    case 'GET insights': return insights(ctx, req);
    case 'POST ': return hideComment(ctx, req);
    case 'DELETE ': return deleteComment(ctx, req);
    case 'POST messages': return sendMessage(ctx, req);
    case 'GET conversations': return listConversations(ctx, req);
    case 'POST comments':
    case 'POST replies': return publicReply(ctx, req);
    case 'GET comments':
    case 'GET replies': return listComments(ctx, req);
    case 'POST likes':
    case 'DELETE likes': return likeObject(ctx, req);
    case 'GET subscribed_apps':
    case 'POST subscribed_apps':
    case 'DELETE subscribed_apps': return subscribedApps(ctx, req);
    default: throw graphErrors.unknownPath(`/${edge ?? ''}`);
  }
}
