/**
 * X's wire format for Account Activity deliveries. Tweet and user objects carry `id` as a
 * bare JSON number past 2^53 beside `id_str` (PLATFORMS.md §2.3); a receiver that parses with
 * `JSON.parse` and re-serialises gets another number, other bytes and a signature that fails.
 * Values given as `bigint` are written as exact integer literals; `/` is escaped as `\/`
 * like v1.1 payloads (a sandbox choice); other characters stay UTF-8.
 */
import { createHmac } from 'node:crypto';

const MARK = '\u0000xbig:';
const MARKED = /"\\u0000xbig:(-?\d+)"/g;

/** @example toXJson({ id: 1851234567890123456n, id_str: '1851234567890123456' }) // '{"id":1851234567890123456,"id_str":"1851234567890123456"}' */
export function toXJson(value: unknown): string {
  const json = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${MARK}${item}` : item));
  if (json === undefined) throw new TypeError('Nothing to serialise');
  return json.replace(MARKED, '$1').replaceAll('/', '\\/');
}

/** `x-twitter-webhooks-signature`: base64 HMAC-SHA256 of the exact bytes under the consumer secret. */
export function xSignature(consumerSecret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(body).digest('base64')}`;
}

/** X's expected CRC answer for a token. */
export function xCrcToken(consumerSecret: string, crcToken: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(crcToken).digest('base64')}`;
}
