import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, resolveApiToken, resolveSession } from '../accounts/index.ts';
import { AppError, safeEqual } from '../kernel/index.ts';
import type { HttpDeps } from './deps.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './cookies.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller of every request (bearer token or session cookie), then enforces
 * what the route's config asks: a caller, a permission, and CSRF on state changes made
 * with cookies. Routes outside /api and /hooks are public (the console, health checks).
 */
export function registerAuthentication(app: FastifyInstance, deps: HttpDeps): void {
  app.decorateRequest('caller', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const isApi = request.url.startsWith('/api/');
    const auth = config.auth ?? (isApi ? 'caller' : 'public');
    const expired = await identify(request, deps);

    if (!SAFE_METHODS.has(request.method) && isApi && request.caller?.via !== 'token') checkCsrf(request);
    if (auth === 'public') return;
    if (!request.caller) {
      throw expired
        ? new AppError('auth.session_expired', 'Your session has expired; sign in again')
        : new AppError('auth.required', 'Sign in, or send an API token');
    }
    if (config.permission && !can(request.caller.role, config.permission)) {
      throw new AppError('auth.forbidden', 'Your role does not allow this');
    }
  });
}

/** Sets `request.caller`; answers true when a session cookie was present but expired. */
async function identify(request: FastifyRequest, deps: HttpDeps): Promise<boolean> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const [scheme, secret] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret) throw new AppError('auth.required', 'Authorization must be "Bearer <token>"');
    const caller = await resolveApiToken(deps.accounts, secret);
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
