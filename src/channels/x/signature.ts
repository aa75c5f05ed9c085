import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';
// 32 bytes in base64: 43 characters and one `=`. Anything else cannot be X's header.
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The `x-twitter-webhooks-signature` value X sends with a body (PLATFORMS.md §2.2): `sha256=`
 * and the base64 HMAC-SHA256 of the exact bytes under the consumer secret. Base64, unlike
 * Meta's hex. The sandbox and tests sign with it.
 *
 * @example signXBody(Buffer.from('{"for_user_id":"1"}'), 'consumer-secret') // 'sha256=…='
 */
export function signXBody(rawBody: Buffer | string, consumerSecret: string): string {
  return PREFIX + createHmac('sha256', consumerSecret).update(rawBody).digest('base64');
}

/**
 * Checks `x-twitter-webhooks-signature` over the raw request bytes in constant time. Never
 * throws: a missing, malformed or wrong-length header is simply not valid. Re-serialising the
 * parsed JSON gives other bytes (numeric ids past 2^53 round), so only the received bytes do.
 *
 * @example verifyXSignature(request.rawBody, request.headers['x-twitter-webhooks-signature'], secret)
 */
export function verifyXSignature(rawBody: Buffer, header: string | undefined, consumerSecret: string | undefined): boolean {
  // An empty key is a key anyone can sign with: an unconfigured secret refuses everything.
  if (!consumerSecret || typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const given = header.slice(PREFIX.length);
  if (!BASE64_SHA256.test(given)) return false;
  const expected = signXBody(rawBody, consumerSecret).slice(PREFIX.length);
  // Comparing the canonical text (both 44 ASCII bytes) also refuses non-canonical base64.
  return timingSafeEqual(Buffer.from(given, 'latin1'), Buffer.from(expected, 'latin1'));
}
