import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane.
const options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let verifications = 0;

/** How many passwords this process has checked (the throttle tests count them). */
export function passwordVerifications(): number {
  return verifications;
}

// Verified when the email is unknown, so that answer takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/** Checks a password; with no stored hash, spends the same time and answers false. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  verifications += 1;
  if (stored === undefined) {
    decoy ??= hashPassword('relais-decoy-password');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
