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

/** HMAC-SHA256 hex of the canonical string under the channel's identify secret. */
export function signIdentity(secret: string, identity: VisitorIdentity): string {
  return hmacSha256(secret, canonicalIdentity(identity)).toString('hex');
}

/** Whether `signature` is the shop's signature of exactly this identity (constant-time). */
export function identitySignatureValid(secret: string, identity: VisitorIdentity, signature: string): boolean {
  return safeEqual(signature.trim().toLowerCase(), signIdentity(secret, identity));
}
