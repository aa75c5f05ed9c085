import { createHash, timingSafeEqual } from 'node:crypto';

export type MetaHandshakeAnswer =
  | { status: 200; body: string; contentType: 'text/plain' }
  | { status: 403; body: string; contentType: 'text/plain' };

const refused = (): MetaHandshakeAnswer => ({ status: 403, body: 'Webhook verification failed', contentType: 'text/plain' });

/**
 * Answers Meta's subscription check (`GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`):
 * 200 with the challenge echoed byte for byte when the token matches the configured one,
 * 403 otherwise, and always 403 while no token is configured.
 *
 * @example answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 't', 'hub.challenge': '42' }, 't')
 * // { status: 200, body: '42', contentType: 'text/plain' }
 */
export function answerMetaHandshake(query: Record<string, unknown>, verifyToken: string | undefined): MetaHandshakeAnswer {
  const mode = hubParam(query, 'mode');
  const token = hubParam(query, 'verify_token');
  const challenge = hubParam(query, 'challenge');
  if (!verifyToken || mode !== 'subscribe' || token === undefined || !challenge) return refused();
  if (!sameSecret(token, verifyToken)) return refused();
  return { status: 200, body: challenge, contentType: 'text/plain' };
}

/**
 * Reads `hub.<name>` as Meta sends it, `hub_<name>` as PHP-style parsers rename it, or
 * `hub: { <name> }` as dot-expanding parsers (qs) nest it. A repeated parameter is refused.
 */
function hubParam(query: Record<string, unknown>, name: string): string | undefined {
  const nested = query.hub;
  const value = query[`hub.${name}`]
    ?? query[`hub_${name}`]
    ?? (nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[name] : undefined);
  return typeof value === 'string' ? value : undefined;
}

/** Hashing first gives equal-length buffers, so neither content nor length leaks. */
function sameSecret(given: string, configured: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(configured));
}
