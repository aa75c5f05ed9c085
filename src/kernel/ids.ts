import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

let lastTime = -1;
let lastRandom: Buffer = Buffer.alloc(10);

/**
 * A 26-character id that sorts by creation time (48 bits of milliseconds, then 80 random
 * bits), so lists can order by id alone. Ids made in the same millisecond by one process
 * still sort in the order they were made: the random part counts up.
 *
 * @example newId() // '01jd3k8v6f2x9m4q7r1s5t0w8y'
 */
export function newId(now: number = Date.now()): string {
  let time = Math.max(now, lastTime);
  let random: Buffer;
  if (time === lastTime) {
    random = increment(lastRandom);
  } else {
    random = randomBytes(10);
    random[0]! &= 0x7f; // head-room so counting up within a millisecond never wraps
  }
  lastTime = time;
  lastRandom = random;

  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
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

function increment(bytes: Buffer): Buffer {
  const next = Buffer.from(bytes);
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] === 0xff) {
      next[i] = 0;
      continue;
    }
    next[i]! += 1;
    break;
  }
  return next;
}

/** A URL-safe secret with `bytes` of entropy, for tokens shown once. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
