import { AppError } from '../kernel/index.ts';
import type { AccountsDeps, RequestMeta } from './deps.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';
import { normalizeEmail } from './setup-first-owner.ts';
import { recordAudit } from './audit.ts';
import { passwordAttemptKeys, passwordAttemptSucceeded, reservePasswordAttempt } from './password-attempts.ts';

/**
 * Checks email and password and opens a fresh session. Each attempt is counted per email and
 * per IP before the password is checked, in the database, so neither parallel requests nor a
 * restart get past the limit; past it the answer is `auth.throttled` whether or not the
 * account exists, and a wrong password and an unknown email get the same answer in the same
 * time.
 */
export async function signIn(deps: AccountsDeps, input: { email: string; password: string }, meta: RequestMeta): Promise<NewSession & { userId: string; workspaceId: string }> {
  const email = normalizeEmail(input.email);
  const keys = passwordAttemptKeys(email, meta.ip);
  await reservePasswordAttempt(deps, keys);

  const user = await deps.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash, input.password);
  const membership = user && valid
    ? await deps.db.selectFrom('memberships').select('workspace_id').where('user_id', '=', user.id).orderBy('created_at').limit(1).executeTakeFirst()
    : undefined;
  if (!user || !valid || !membership) throw new AppError('auth.invalid_credentials', 'Email or password is incorrect');
  await passwordAttemptSucceeded(deps, keys);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const session = await createSession(deps, trx, { userId: user.id, workspaceId: membership.workspace_id, ...meta });
    await recordAudit(trx, { workspaceId: membership.workspace_id, actor: { via: 'session', userId: user.id, tokenId: null }, action: 'user.signed_in', ip: meta.ip, at: now });
    return { ...session, userId: user.id, workspaceId: membership.workspace_id };
  });
}
