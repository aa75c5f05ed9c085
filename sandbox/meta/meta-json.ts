/**
 * Meta's wire format. Its servers (PHP `json_encode`) escape every non-ASCII UTF-16 unit as
 * `\uXXXX` in lower-case hex and every `/` as `\/`, and sign those exact bytes. A receiver
 * that re-serialises the parsed object gets different bytes and a signature that does not
 * match, which is the mistake this sandbox exists to catch (PLATFORMS §1.2).
 */
import { createHmac } from 'node:crypto';

/**
 * @example toMetaJson({ text: 'Déjà vu 😀 https://x' })
 * // '{"text":"D\\u00e9j\\u00e0 vu \\ud83d\\ude00 https:\\/\\/x"}'
 */
export function toMetaJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Nothing to serialise');
  // Without the `u` flag the class matches UTF-16 units, so an emoji becomes its two
  // surrogate escapes, as Meta sends it. `/` only ever occurs inside strings in JSON.
  return json
    .replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('/', '\\/');
}

export interface SignatureHeaders {
  'x-hub-signature-256': string;
  'x-hub-signature': string;
}

/** The two headers Meta puts on every event POST: HMAC-SHA256 and the legacy HMAC-SHA1. */
export function signatureHeaders(appSecret: string, body: string | Buffer): SignatureHeaders {
  return {
    'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
    'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`,
  };
}
