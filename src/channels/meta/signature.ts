import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * The `X-Hub-Signature-256` value Meta sends with a body: `sha256=` and the lowercase hex
 * HMAC-SHA256 of the exact bytes under the App Secret. The sandbox and tests sign with it.
 *
 * @example signMetaBody(Buffer.from('{"object":"page","entry":[]}'), 'app-secret') // 'sha256=…'
 */
export function signMetaBody(rawBody: Buffer, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/**
 * Checks `X-Hub-Signature-256` over the raw request bytes, in constant time. Never throws:
 * a missing, malformed or wrong-length header is simply not valid. The bytes must be the
 * ones received: Meta escapes non-ASCII as `\u00e9` (and `/` as `\/`), so re-serialising
 * the parsed JSON yields other bytes and another HMAC.
 *
 * @example verifyMetaSignature(request.rawBody, request.headers['x-hub-signature-256'], secret)
 */
export function verifyMetaSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  // An empty key is a key anyone can sign with: an unconfigured secret must refuse everything.
  if (!appSecret || typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const hex = header.slice(PREFIX.length);
  if (!HEX_SHA256.test(hex)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Both sides are 32 bytes here, the length timingSafeEqual requires.
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}
