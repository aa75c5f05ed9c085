import { z } from 'zod';
import { hmacSha256, safeEqual } from '../../kernel/index.ts';

/**
 * One line of text: no control character. A line break inside a value would let two
 * different identities share one canonical string (and so one signature); a NUL byte is
 * refused by PostgreSQL.
 */
const oneLine = (value: string) => ![...value].some((char) => char < ' ' || char === '\u007f');
const field = (max: number) => z.string().trim().min(1).max(max).refine(oneLine, 'no line breaks or control characters');

/** What a shop's page may tell about the visitor through `Relais.identify`. */
export const identitySchema = z.strictObject({
  email: z.email().max(320).optional(),
  name: field(120).optional(),
  customerId: field(120).optional(),
  cartToken: field(200).optional(),
});

export type VisitorIdentity = z.infer<typeof identitySchema>;

const FIELDS = ['email', 'name', 'customerId', 'cartToken'] as const;

/**
 * The string the shop's server signs: one `field=value` line per field in a fixed order,
 * an absent field as an empty value. Fixed order and explicit names mean a signature for
 * one identity can never be replayed as another (moving a value to another field changes it).
 *
 * @example canonicalIdentity({ email: 'a@b.fr', customerId: '42' }) === 'email=a@b.fr\nname=\ncustomerId=42\ncartToken='
 */
export function canonicalIdentity(identity: VisitorIdentity): string {
  return FIELDS.map((field) => `${field}=${identity[field] ?? ''}`).join('\n');
}

/** How old a signature may be: a signature found in a page or a log is worthless after this. */
export const IDENTIFY_MAX_AGE_MS = 10 * 60_000;
/** How far ahead of Relais's clock a shop's clock may run. */
const IDENTIFY_MAX_SKEW_MS = 2 * 60_000;
const SIGNATURE_FORMAT = /^v2\.(\d{1,12})\.([0-9a-f]{64})$/;

/**
 * The string a v2 signature covers: the version, the signing time in Unix seconds, then the
 * canonical identity, one per line. Every part is one line with no control character and the
 * parts come in a fixed order, so no two (time, identity) pairs share a string.
 *
 * @example signedIdentityString({ email: 'a@b.fr' }, 1764000000) === 'v2\n1764000000\nemail=a@b.fr\nname=\ncustomerId=\ncartToken='
 */
export function signedIdentityString(identity: VisitorIdentity, signedAtSeconds: number): string {
  return `v2\n${signedAtSeconds}\n${canonicalIdentity(identity)}`;
}

/**
 * The signature a shop's server hands its page: `v2.<Unix seconds>.<HMAC-SHA256 hex>` of
 * `signedIdentityString` under the channel's identify secret.
 *
 * @example signIdentity(secret, { email: 'a@b.fr', customerId: '42' }, Date.now())
 */
export function signIdentity(secret: string, identity: VisitorIdentity, signedAtMs: number = Date.now()): string {
  const seconds = Math.floor(signedAtMs / 1000);
  return `v2.${seconds}.${hmacSha256(secret, signedIdentityString(identity, seconds)).toString('hex')}`;
}

export type IdentifyCheck = { valid: true } | { valid: false; reason: 'legacy' | 'malformed' | 'expired' | 'bad_signature' };

/**
 * Whether `signature` is a fresh v2 signature of exactly this identity under one of
 * `secrets` (the current one, and the previous one during a rotation's grace period).
 * Unversioned v1 signatures (a bare hex HMAC with no time) are refused: they never expired.
 */
export function checkIdentitySignature(secrets: readonly string[], identity: VisitorIdentity, signature: string, now: number): IdentifyCheck {
  const trimmed = signature.trim().toLowerCase();
  if (/^[0-9a-f]{64}$/.test(trimmed)) return { valid: false, reason: 'legacy' };
  const match = SIGNATURE_FORMAT.exec(trimmed);
  if (!match) return { valid: false, reason: 'malformed' };
  const seconds = Number(match[1]);
  const age = now - seconds * 1000;
  if (age > IDENTIFY_MAX_AGE_MS || age < -IDENTIFY_MAX_SKEW_MS) return { valid: false, reason: 'expired' };
  const signed = signedIdentityString(identity, seconds);
  const ok = secrets.some((secret) => secret !== '' && safeEqual(match[2]!, hmacSha256(secret, signed).toString('hex')));
  return ok ? { valid: true } : { valid: false, reason: 'bad_signature' };
}
