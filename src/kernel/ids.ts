import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/**
 * A 26-character id that sorts by creation time (48 bits of milliseconds, then 80 random
 * bits), so cursor pagination can order by id alone.
 *
 * @example newId() // '01jd3k8v6f2x9m4q7r1s5t0w8y'
 */
export function newId(now: number = Date.now()): string {
  let time = now;
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const random = randomBytes(10);
  let tail = '';
  let acc = 0;
  let bits = 0;
  for (const byte of random) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      tail += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return head + tail;
}

/** A URL-safe secret with `bytes` of entropy, for tokens shown once. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
