import { createHmac } from 'node:crypto';

export interface XCrcAnswer {
  status: 200 | 400 | 403;
  body: string;
  contentType: 'application/json';
}

/**
 * The `response_token` X expects for a `crc_token` (PLATFORMS.md §2.1): `sha256=` and the
 * base64 HMAC-SHA256 of the token under the consumer secret (not the bearer token).
 *
 * @example xCrcResponseToken('challenge', 'consumer-secret') // 'sha256=…='
 */
export function xCrcResponseToken(crcToken: string, consumerSecret: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(crcToken, 'utf8').digest('base64')}`;
}

/**
 * Answers X's Challenge-Response Check (`GET /hooks/x?crc_token=…`), sent on registration and
 * then periodically: a webhook that fails it stops receiving events. 400 without a single
 * `crc_token`; 403 while no consumer secret is configured (we cannot prove who we are).
 *
 * @example answerXCrc({ crc_token: 'abc' }, 'secret') // { status: 200, body: '{"response_token":"sha256=…"}', … }
 */
export function answerXCrc(query: Record<string, unknown>, consumerSecret: string | undefined): XCrcAnswer {
  const token = query.crc_token;
  if (typeof token !== 'string' || token === '') return json(400, { error: 'crc_token is required, once' });
  if (!consumerSecret) return json(403, { error: 'No X consumer secret is configured' });
  return json(200, { response_token: xCrcResponseToken(token, consumerSecret) });
}

function json(status: XCrcAnswer['status'], body: unknown): XCrcAnswer {
  return { status, body: JSON.stringify(body), contentType: 'application/json' };
}
