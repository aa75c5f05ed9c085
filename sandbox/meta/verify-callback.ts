/**
 * Meta's subscription handshake (PLATFORMS §1.1): `GET <callback>?hub.mode=subscribe&
 * hub.challenge=<int>&hub.verify_token=<token>`; the endpoint must answer 200 with exactly the
 * challenge as its body.
 */
import { randomInt } from 'node:crypto';
import { sendRequest } from '../http-client.ts';

export interface VerifyResult {
  /** Relais answered 200 with exactly the challenge. */
  ok: boolean;
  url: string;
  challenge: string;
  status?: number | undefined;
  body?: string | undefined;
  error?: string | undefined;
}

export async function verifyCallback(callbackUrl: string, verifyToken: string, timeoutMs: number): Promise<VerifyResult> {
  const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
  const url = new URL(callbackUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  try {
    const answer = await sendRequest({ method: 'GET', url: url.toString(), headers: { 'user-agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' }, timeoutMs });
    return { ok: answer.status === 200 && answer.body === challenge, url: url.toString(), challenge, status: answer.status, body: answer.body };
  } catch (error) {
    return { ok: false, url: url.toString(), challenge, error: error instanceof Error ? error.message : String(error) };
  }
}
