import { hmacSha256, safeEqual } from '../../kernel/index.ts';

/** What a visitor token names: the channel and the anonymous visitor, signed by Relais. */
export interface VisitorClaims {
  channelId: string;
  visitorId: string;
  issuedAt: number;
}

const VERSION = 'v1';

/** A visitor token opens the widget's API this long; the widget renews it before (`POST /widget/api/session`). */
export const VISITOR_TOKEN_TTL_MS = 12 * 60 * 60_000;
/** An expired token is still good for this long to renew itself, so a returning visitor keeps their thread. */
export const VISITOR_TOKEN_RENEWABLE_MS = 30 * 24 * 60 * 60_000;

function mac(key: string, payload: string): string {
  return hmacSha256(`relais-visitor:${key}`, payload).toString('base64url');
}

/**
 * Signs a visitor token: `v1.<claims, base64url JSON>.<HMAC-SHA256>`. It carries no secret
 * of the shop; it only proves Relais issued this visitor id for this channel.
 *
 * @example signVisitorToken(key, { channelId, visitorId, issuedAt: Date.now() })
 */
export function signVisitorToken(key: string, claims: VisitorClaims): string {
  const payload = Buffer.from(JSON.stringify([claims.channelId, claims.visitorId, claims.issuedAt])).toString('base64url');
  return `${VERSION}.${payload}.${mac(key, payload)}`;
}

/**
 * The claims of a token Relais signed, or null for anything else (forged, truncated, other
 * key, or older than `maxAgeMs` at `now` when given).
 */
export function verifyVisitorToken(key: string, token: string | undefined | null, age?: { now: number; maxAgeMs: number }): VisitorClaims | null {
  const claims = readVisitorToken(key, token);
  if (!claims || !age) return claims;
  return age.now - claims.issuedAt <= age.maxAgeMs && claims.issuedAt <= age.now + 60_000 ? claims : null;
}

function readVisitorToken(key: string, token: string | undefined | null): VisitorClaims | null {
  if (!token || token.length > 400) return null;
  const [version, payload, signature] = token.split('.');
  if (version !== VERSION || !payload || !signature || !safeEqual(signature, mac(key, payload))) return null;
  try {
    const [channelId, visitorId, issuedAt] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    if (typeof channelId !== 'string' || typeof visitorId !== 'string' || typeof issuedAt !== 'number') return null;
    return { channelId, visitorId, issuedAt };
  } catch {
    return null;
  }
}
