import type { FastifyReply, FastifyRequest } from 'fastify';
import { newSecret } from '../kernel/index.ts';

export const SESSION_COOKIE = 'relais_session';
export const CSRF_COOKIE = 'relais_csrf';

function secure(request: FastifyRequest, publicUrl: string): boolean {
  return request.protocol === 'https' || publicUrl.startsWith('https:');
}

/** Sets the session cookie and the CSRF cookie the console echoes back in a header. */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, publicUrl: string, session: { token: string; csrfToken: string; expiresAt: number }): void {
  const isSecure = secure(request, publicUrl);
  reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: isSecure, path: '/', expires: new Date(session.expiresAt) });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { httpOnly: false, sameSite: 'strict', secure: isSecure, path: '/', expires: new Date(session.expiresAt) });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * Makes sure the browser holds the CSRF token it must echo: the session's own when signed
 * in, or a fresh one for the pre-sign-in forms (setup, sign-in, invitation).
 */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, publicUrl: string, sessionToken: string | null): string {
  const existing = request.cookies[CSRF_COOKIE];
  const wanted = sessionToken ?? (existing && existing.length >= 16 ? existing : newSecret(24));
  if (existing !== wanted) reply.setCookie(CSRF_COOKIE, wanted, { httpOnly: false, sameSite: 'strict', secure: secure(request, publicUrl), path: '/' });
  return wanted;
}
