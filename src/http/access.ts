import type { FastifyInstance, RouteOptions } from 'fastify';
import { permissions, type Permission } from '../accounts/index.ts';

/**
 * What a route needs before its handler runs, declared in its Fastify config
 * (`{ config: { access: needs('tokens.manage') } }`) and read by `authenticate.ts` from the
 * route the router matched, never from the URL string. A route that declares nothing makes
 * the app refuse to start (see `requireAccessDeclarations`).
 *
 * - `public`: anyone. Nobody is identified and no cookie is read (health checks, the
 *   console's files, the widget's assets and the signed-in-less widget session door).
 * - `guest`: anyone, but the console's doors (setup, sign-in, invitations): the caller is
 *   identified when there is one, and a state change made with cookies needs the CSRF token.
 * - `visitor`: a site-chat visitor, proven by the token Relais signed for them, from a page
 *   the channel allows (`origin: 'required'`) or its own frame.
 * - `webhook`: a platform; the route checks the platform's signature over the raw bytes.
 * - `caller`: a signed-in member or an API token whose role holds `permission`
 *   (`accounts/roles.ts` is the one table); CSRF on state changes made with cookies.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'guest' }
  | { kind: 'visitor'; origin: 'required' | 'optional' }
  | { kind: 'webhook' }
  | { kind: 'caller'; permission: Permission };

export type AccessKind = RouteAccess['kind'];

export const publicAccess = { kind: 'public' } as const satisfies RouteAccess;
export const guestAccess = { kind: 'guest' } as const satisfies RouteAccess;
export const webhookAccess = { kind: 'webhook' } as const satisfies RouteAccess;
export const visitorAccess = (origin: 'required' | 'optional' = 'required'): RouteAccess => ({ kind: 'visitor', origin });
export const needs = (permission: Permission): RouteAccess => ({ kind: 'caller', permission });

/** Route options naming only an access, for the common `app.get(url, allow(…), handler)`. */
export const allow = (access: RouteAccess) => ({ config: { access } });

const scopeAccess = Symbol('relais.scopeAccess');

/**
 * Gives every route a plugin registers inside `scope` the same access, for plugins that
 * build routes themselves and take no route config (the console's static files). The routes
 * still carry the access in their config, written at registration.
 */
export function setScopeAccess(scope: FastifyInstance, access: RouteAccess): void {
  (scope as unknown as Record<symbol, RouteAccess>)[scopeAccess] = access;
}

const kinds = new Set<AccessKind>(['public', 'guest', 'visitor', 'webhook', 'caller']);

/**
 * Start-up guard: every route, in every plugin scope, must declare its access, so a new route
 * that forgets is a crash in the first test rather than an open door.
 */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', function checkAccess(this: FastifyInstance, route: RouteOptions) {
    const fromScope = (this as unknown as Record<symbol, RouteAccess | undefined>)[scopeAccess];
    const access = (route.config as { access?: RouteAccess } | undefined)?.access ?? fromScope;
    if (!access || !kinds.has(access.kind) || (access.kind === 'caller' && !permissions.includes(access.permission))) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access: add config.access (see src/http/access.ts)`);
    }
    route.config = { ...route.config, access };
  });
}
