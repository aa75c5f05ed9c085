import { hmacSha256, safeEqual } from '../../kernel/index.ts';

/** What a visitor token names: the channel and the anonymous visitor, signed by Relais. */
export interface VisitorClaims {
  channelId: string;
  visitorId: string;
  issuedAt: number;
}

const VERSION = 'v1';

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

/** The claims of a token Relais signed, or null for anything else (forged, truncated, other key). */
export function verifyVisitorToken(key: string, token: string | undefined | null): VisitorClaims | null {
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
