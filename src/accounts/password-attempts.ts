import { AppError } from '../kernel/index.ts';
import type { AccountsDeps } from './deps.ts';
import { takeAll } from './throttle.ts';

/** The throttle keys of attempts at an account's password: per email and per IP. */
export function passwordAttemptKeys(email: string, ip: string | null): string[] {
  return [`sign-in:email:${email}`, ...(ip ? [`sign-in:ip:${ip}`] : [])];
}

/**
 * Takes one attempt on each key before a password is checked (reserve, then verify):
 * `auth.throttled` past the limit, whether or not the account exists.
 */
export async function reservePasswordAttempt(deps: Pick<AccountsDeps, 'throttle' | 'settings'>, keys: readonly string[]): Promise<void> {
  const wait = await takeAll(deps.throttle, keys, { max: deps.settings.signIn.maxFailures, windowMs: deps.settings.signIn.windowMs });
  if (wait > 0) throw new AppError('auth.throttled', `Too many attempts; try again in ${wait} s`, { retryAfterSeconds: wait });
}

/** The password was right: the email's failures are forgotten, the IP's attempt given back. */
export async function passwordAttemptSucceeded(deps: Pick<AccountsDeps, 'throttle'>, keys: readonly string[]): Promise<void> {
  const [emailKey, ...others] = keys;
  if (emailKey) await deps.throttle.reset(emailKey);
  for (const key of others) await deps.throttle.giveBack(key);
}
