import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, resolveApiToken, resolveSession, scopeAllows } from '../accounts/index.ts';
import { AppError, safeEqual } from '../kernel/index.ts';
import type { HttpDeps } from './deps.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './cookies.ts';
import { requireAccessDeclarations } from './access.ts';
import { visitorRequest, type VisitorCall } from './routes/widget-access.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Enforces what the matched route declares in `config.access` (see `access.ts`), never
 * anything read from the URL: the router has already decoded and matched the path, so every
 * spelling of a path gets the decision of the route it reaches. Resolves the caller (bearer
 * token or session cookie) only where the route wants one, checks CSRF on state changes made
 * with cookies, then the permission against the one role table. The not-found handler reads
 * nothing and changes nothing: it identifies nobody.
 */
export function registerAuthentication(app: FastifyInstance, deps: HttpDeps): void {
  app.decorateRequest('caller', null);
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('visitor', null);
  requireAccessDeclarations(app);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) {
      if (request.routeOptions.url === undefined) return;
      // Unreachable while the onRoute guard stands; deny rather than guess.
      throw new AppError('auth.forbidden', 'This route declares no access');
    }
    switch (access.kind) {
      case 'public':
      case 'webhook':
        return;
      case 'visitor':
        request.visitor = await visitorRequest(request, deps, access.origin === 'required');
        return;
      case 'guest':
      case 'caller': {
        const expired = await identify(request, deps);
        if (!SAFE_METHODS.has(request.method) && request.caller?.via !== 'token') checkCsrf(request);
        if (access.kind === 'guest') return;
        if (!request.caller) {
          throw expired
            ? new AppError('auth.session_expired', 'Your session has expired; sign in again')
            : new AppError('auth.required', 'Sign in, or send an API token');
        }
        if (!can(request.caller.role, access.permission)) throw new AppError('auth.forbidden', 'Your role does not allow this');
        // A token's scope, from the matched route's permission and method (deny by default).
        const scope = request.caller.via === 'token' ? request.caller.scope : undefined;
        if (request.caller.via === 'token' && (!scope || !scopeAllows(scope, access.permission, request.method))) {
          throw new AppError('auth.token_scope', 'This API token\'s scope does not allow this');
        }
        return;
      }
      default:
        throw new AppError('auth.forbidden', 'This route declares no access');
    }
  });
}

/** Sets `request.caller`; answers true when a session cookie was present but expired. */
async function identify(request: FastifyRequest, deps: HttpDeps): Promise<boolean> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const [scheme, secret] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret) throw new AppError('auth.required', 'Authorization must be "Bearer <token>"');
    const caller = await resolveApiToken(deps.accounts, secret, { ip: request.ip });
    if (caller === 'expired') throw new AppError('auth.token_expired', 'This API token has expired');
    if (!caller) throw new AppError('auth.required', 'This API token is not valid');
    request.caller = caller;
    return false;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return false;
  const session = await resolveSession(deps.accounts, token);
  if (session === 'expired') return true;
  if (session) {
    request.caller = session.caller;
    request.sessionCsrf = session.csrfToken;
  }
  return false;
}

function checkCsrf(request: FastifyRequest): void {
  const sent = request.headers['x-csrf-token'];
  const cookie = request.cookies[CSRF_COOKIE];
  const expected = request.sessionCsrf ?? cookie;
  if (typeof sent !== 'string' || !expected || !cookie || !safeEqual(sent, expected) || !safeEqual(sent, cookie)) {
    throw new AppError('auth.csrf_failed', 'Missing or invalid CSRF token; reload the page');
  }
}

export function callerOf(request: FastifyRequest) {
  if (!request.caller) throw new AppError('auth.required', 'Sign in, or send an API token');
  return request.caller;
}

/** The visitor a `visitor` route was called by (set before the handler runs). */
export function visitorCallOf(request: FastifyRequest): VisitorCall {
  if (!request.visitor) throw new AppError('auth.required', 'This chat session is not valid; reload the page');
  return request.visitor;
}
