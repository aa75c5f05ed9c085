import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a base64 HMAC-SHA256 header against the raw body with each secret in turn (the
 * current one and, during a rotation, the previous one), in constant time. Shopify and
 * WooCommerce sign the same way; only the key differs.
 *
 * @example verifyBase64Hmac(rawBody, request.headers['x-shopify-hmac-sha256'], [current, previous])
 */
export function verifyBase64Hmac(rawBody: Buffer, header: string | string[] | undefined, secrets: (string | undefined)[]): boolean {
  if (typeof header !== 'string' || header === '') return false;
  const given = Buffer.from(header, 'base64');
  // Every secret is tried, even after a match, so the time taken says nothing about which one.
  let matched = false;
  for (const secret of secrets) {
    if (secret === undefined || secret === '') continue;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    if (given.length !== expected.length) {
      timingSafeEqual(expected, expected);
      continue;
    }
    if (timingSafeEqual(given, expected)) matched = true;
  }
  return matched;
}
