/**
 * X's Challenge-Response Check (PLATFORMS.md §2.1): `GET <webhook>?crc_token=<random>`; the
 * answer must be 200 JSON `{"response_token":"sha256=<base64 HMAC(consumer secret, token)>"}`.
 */
import { randomBytes } from 'node:crypto';
import { sendRequest } from '../http-client.ts';
import { xCrcToken } from './x-json.ts';

export interface CrcResult {
  /** 200, JSON, and the expected response token. */
  ok: boolean;
  url: string;
  crcToken: string;
  expected: string;
  status?: number | undefined;
  body?: string | undefined;
  error?: string | undefined;
}

export async function performCrc(webhookUrl: string, consumerSecret: string, timeoutMs: number): Promise<CrcResult> {
  const crcToken = randomBytes(24).toString('base64url');
  const url = new URL(webhookUrl);
  url.searchParams.set('crc_token', crcToken);
  const expected = xCrcToken(consumerSecret, crcToken);
  try {
    const answer = await sendRequest({ method: 'GET', url: url.toString(), headers: { 'user-agent': 'Twitter-Webhooks/1.0' }, timeoutMs });
    return { ok: answer.status === 200 && responseToken(answer.body) === expected, url: url.toString(), crcToken, expected, status: answer.status, body: answer.body };
  } catch (error) {
    return { ok: false, url: url.toString(), crcToken, expected, error: error instanceof Error ? error.message : String(error) };
  }
}

function responseToken(body: string): unknown {
  try {
    return (JSON.parse(body) as { response_token?: unknown }).response_token;
  } catch {
    return undefined;
  }
}
