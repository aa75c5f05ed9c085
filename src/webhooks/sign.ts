import { randomBytes } from 'node:crypto';
import { hmacSha256 } from '../kernel/index.ts';

const PREFIX = 'whsec_';

/**
 * A new signing secret in the Standard Webhooks format: `whsec_` and 32 random bytes in
 * base64, which the receiver's library decodes to get the HMAC key.
 *
 * @example newWebhookSecret() // 'whsec_Kq3…='
 */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,` and the base64 HMAC-SHA256 of
 * `<webhook-id>.<webhook-timestamp>.<body>`, keyed by the secret's decoded bytes; one
 * signature per secret, space-separated, so a receiver keeping either secret during a
 * rotation accepts it.
 *
 * @example signatureHeader(['whsec_…'], 'msg_01J…', 1700000000, '{"type":"message.received",…}') // 'v1,g0hM…='
 */
export function signatureHeader(secrets: string[], webhookId: string, timestampSeconds: number, body: string): string {
  const content = `${webhookId}.${timestampSeconds}.${body}`;
  return secrets.map((secret) => `v1,${hmacSha256(secretKey(secret), content).toString('base64')}`).join(' ');
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}
