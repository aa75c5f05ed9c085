import { AppError } from '../kernel/index.ts';
import type { AccountsDeps, Caller } from './deps.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { recordAudit } from './audit.ts';
import { passwordAttemptSucceeded, reservePasswordAttempt } from './password-attempts.ts';

/** Changes the caller's password and signs out every other session of theirs. */
export async function changePassword(deps: AccountsDeps, caller: Caller, input: { currentPassword: string; newPassword: string }): Promise<void> {
  if (!caller.userId) throw new AppError('auth.forbidden', 'An API token has no password');
  const user = await deps.db.selectFrom('users').select('password_hash').where('id', '=', caller.userId).executeTakeFirstOrThrow();
  // A stolen session must not become a way to guess the password: attempts are counted first.
  const keys = [`password-change:user:${caller.userId}`];
  await reservePasswordAttempt(deps, keys);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('auth.wrong_password', 'The current password is not correct', { fields: { currentPassword: ['incorrect'] } });
  }
  await passwordAttemptSucceeded(deps, keys);
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now }).where('id', '=', caller.userId!).execute();
    let others = trx.deleteFrom('sessions').where('user_id', '=', caller.userId!);
    if (caller.sessionId) others = others.where('id', '!=', caller.sessionId);
    await others.execute();
    await recordAudit(trx, { workspaceId: caller.workspaceId, actor: caller, action: 'user.password_changed', target: { type: 'user', id: caller.userId! }, at: now });
  });
}
