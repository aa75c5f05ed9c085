import type { FastifyRequest } from 'fastify';
import { originAllowed, verifyVisitorToken, type VisitorClaims } from '../../channels/index.ts';
import { loadWebchatChannel, visitorExists, type WebchatChannel } from '../../inbox/index.ts';
import { AppError } from '../../kernel/index.ts';
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
  const claims = verifyVisitorToken(deps.secrets.get('webchatKey') ?? '', token);
  if (!claims) throw new AppError('auth.required', 'This chat session is not valid; reload the page');
  const channel = await loadWebchatChannel(deps.store.db, claims.channelId);
  if (!(await visitorExists(deps.store.db, channel, claims.visitorId))) throw new AppError('auth.required', 'This chat session is not valid; reload the page');
  return { channel, claims };
}

export async function visitorRequest(request: FastifyRequest, deps: HttpDeps, originRequired: boolean): Promise<VisitorCall> {
  const header = request.headers[VISITOR_HEADER];
  const call = await visitorOf(deps, Array.isArray(header) ? header[0] : header);
  assertWidgetOrigin(request, deps, call.channel, originRequired);
  return call;
}
