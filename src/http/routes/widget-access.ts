import type { FastifyRequest } from 'fastify';
import { originAllowed, verifyVisitorToken, VISITOR_TOKEN_TTL_MS, type VisitorClaims } from '../../channels/index.ts';
import { loadWebchatChannel, visitorExists, type WebchatChannel } from '../../inbox/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import { socketQuery } from './widget.validators.ts';
import type { HttpDeps } from '../deps.ts';

export const VISITOR_HEADER = 'x-relais-visitor';

/**
 * Who may call the widget API: the widget's own frame (served by Relais, so the Origin is
 * Relais's) or a page on one of the channel's allowed origins. A request with no Origin (a
 * same-origin GET) passes here; its visitor token still has to be valid.
 */
export function assertWidgetOrigin(request: FastifyRequest, deps: HttpDeps, channel: WebchatChannel, required: boolean): void {
  const origin = request.headers.origin;
  if (!origin) {
    if (required) throw new AppError('auth.origin_refused', 'This request needs an Origin header');
    return;
  }
  if (isRelaisOrigin(request, deps, origin) || originAllowed(channel.settings, origin)) return;
  throw new AppError('auth.origin_refused', 'This origin may not use this chat');
}

export function isRelaisOrigin(request: FastifyRequest, deps: HttpDeps, origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.host === request.headers.host || url.origin === new URL(deps.config.publicUrl).origin;
  } catch {
    return false;
  }
}

export interface VisitorCall {
  channel: WebchatChannel;
  claims: VisitorClaims;
}

/** The visitor behind a token, with their channel; `auth.required` for anything Relais did not sign. */
export async function visitorOf(deps: HttpDeps, token: string | undefined): Promise<VisitorCall> {
  const claims = verifyVisitorToken(deps.secrets.get('webchatKey') ?? '', token, { now: deps.inbox.clock.now(), maxAgeMs: VISITOR_TOKEN_TTL_MS });
  if (!claims) throw new AppError('auth.required', 'This chat session is not valid; reload the page');
  const channel = await loadWebchatChannel(deps.store.db, claims.channelId);
  if (!(await visitorExists(deps.store.db, channel, claims.visitorId))) throw new AppError('auth.required', 'This chat session is not valid; reload the page');
  return { channel, claims };
}

/** The subprotocol the widget offers first, its token second (`new WebSocket(url, [VISITOR_PROTOCOL, token])`). */
export const VISITOR_PROTOCOL = 'relais-visitor';

/**
 * The visitor token a request carries: the `x-relais-visitor` header, or for the live line a
 * WebSocket subprotocol (so it never sits in a URL that request logs keep); `?token=` is
 * still read on the socket for widgets loaded before that change.
 */
function visitorTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers[VISITOR_HEADER];
  if (header !== undefined) return Array.isArray(header) ? header[0] : header;
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') return undefined;
  const offered = String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((value) => value.trim());
  if (offered[0] === VISITOR_PROTOCOL && offered[1]) return offered[1];
  return parseInput(socketQuery, request.query).token;
}

/** The visitor behind a request to a `visitor` route, called by `authenticate.ts` before the handler. */
export async function visitorRequest(request: FastifyRequest, deps: HttpDeps, originRequired: boolean): Promise<VisitorCall> {
  const call = await visitorOf(deps, visitorTokenOf(request));
  assertWidgetOrigin(request, deps, call.channel, originRequired);
  return call;
}
