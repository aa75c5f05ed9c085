import { AppError, newId, newSecret, sha256Hex } from '../kernel/index.ts';
import type { Db, Role } from '../store/index.ts';
import type { AccountsDeps, Caller, RequestMeta } from './deps.ts';
import { can } from './roles.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { passwordAttemptKeys, passwordAttemptSucceeded, reservePasswordAttempt } from './password-attempts.ts';
import { createSession, type NewSession } from './sessions.ts';
import { normalizeEmail } from './setup-first-owner.ts';
import { recordAudit } from './audit.ts';

const INVITATION_TTL_MS = 7 * 86_400_000;

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
}

/** Invites someone by link. The link holds a secret shown once; only its hash is kept. */
export async function createInvitation(deps: AccountsDeps, caller: Caller, input: { email: string; role: Role }): Promise<{ invitation: Invitation; url: string }> {
  if (input.role === 'owner' && !can(caller.role, 'owners.manage')) throw new AppError('auth.forbidden', 'Only an owner can invite an owner');
  const email = normalizeEmail(input.email);
  const already = await deps.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('users.id')
    .where('memberships.workspace_id', '=', caller.workspaceId).where('users.email', '=', email).executeTakeFirst();
  if (already) throw new AppError('member.already_exists', 'This person is already a member', { fields: { email: ['already a member'] } });
  const now = deps.clock.now();
  const token = newSecret(24);
  const invitation: Invitation = { id: newId(now), email, role: input.role, createdAt: now, expiresAt: now + INVITATION_TTL_MS };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('invitations').values({
      workspace_id: caller.workspaceId, id: invitation.id, email, role: input.role, token_hash: sha256Hex(token),
      invited_by: caller.userId, created_at: now, expires_at: invitation.expiresAt, accepted_at: null, accepted_by: null, revoked_at: null,
    }).execute();
    await recordAudit(trx, { workspaceId: caller.workspaceId, actor: caller, action: 'invitation.created', target: { type: 'invitation', id: invitation.id }, data: { email, role: input.role }, at: now });
  });
  return { invitation, url: `${deps.settings.publicUrl}/invite/${token}` };
}

export async function listPendingInvitations(deps: Pick<AccountsDeps, 'db' | 'clock'>, workspaceId: string): Promise<Invitation[]> {
  const rows = await deps.db.selectFrom('invitations').select(['id', 'email', 'role', 'created_at', 'expires_at'])
    .where('workspace_id', '=', workspaceId).where('accepted_at', 'is', null).where('revoked_at', 'is', null)
    .where('expires_at', '>', deps.clock.now()).orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({ id: row.id, email: row.email, role: row.role, createdAt: row.created_at, expiresAt: row.expires_at }));
}

export async function revokeInvitation(deps: AccountsDeps, caller: Caller, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('invitations').set({ revoked_at: now })
      .where('workspace_id', '=', caller.workspaceId).where('id', '=', id).where('accepted_at', 'is', null).where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('invitation.not_found', 'Invitation not found');
    await recordAudit(trx, { workspaceId: caller.workspaceId, actor: caller, action: 'invitation.revoked', target: { type: 'invitation', id }, at: now });
  });
}

async function findUsable(db: Db, token: string, now: number) {
  const row = await db.selectFrom('invitations').innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .select(['invitations.workspace_id', 'invitations.id', 'invitations.email', 'invitations.role', 'invitations.expires_at', 'invitations.accepted_at', 'invitations.revoked_at', 'workspaces.name as workspaceName'])
    .where('invitations.token_hash', '=', sha256Hex(token)).executeTakeFirst();
  if (!row || row.accepted_at !== null || row.revoked_at !== null) throw new AppError('invitation.not_found', 'This invitation link is not valid');
  if (row.expires_at <= now) throw new AppError('invitation.expired', 'This invitation has expired; ask for a new one');
  return row;
}

export async function previewInvitation(deps: Pick<AccountsDeps, 'db' | 'clock'>, token: string) {
  const row = await findUsable(deps.db, token, deps.clock.now());
  return { workspaceName: row.workspaceName, email: row.email, role: row.role };
}

/**
 * Joins the invited workspace. A new person sets a name and password; someone who already
 * has an account proves it with that account's password.
 */
export async function acceptInvitation(deps: AccountsDeps, input: { token: string; name?: string | undefined; password: string }, meta: RequestMeta): Promise<NewSession & { userId: string; workspaceId: string }> {
  const now = deps.clock.now();
  const invitation = await findUsable(deps.db, input.token, now);
  const existing = await deps.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', invitation.email).executeTakeFirst();
  let newUser: { id: string; hash: string } | undefined;
  if (existing) {
    // The same secret as signing in, so the same counters: an invitation is no side door.
    const keys = passwordAttemptKeys(invitation.email, meta.ip);
    await reservePasswordAttempt(deps, keys);
    if (!(await verifyPassword(existing.password_hash, input.password))) {
      throw new AppError('invitation.wrong_account', 'An account already uses this email: enter its password to join', { fields: { password: ['enter the password of your existing account'] } });
    }
    await passwordAttemptSucceeded(deps, keys);
  } else {
    if (!input.name) throw new AppError('request.invalid', 'Your name is required', { fields: { name: ['required'] } });
    newUser = { id: newId(now), hash: await hashPassword(input.password) };
  }
  const userId = existing?.id ?? newUser!.id;
  return deps.db.transaction().execute(async (trx) => {
    if (newUser) {
      await trx.insertInto('users').values({ id: newUser.id, email: invitation.email, name: input.name!, password_hash: newUser.hash, locale: null, created_at: now, password_changed_at: now }).execute();
    }
    // Claiming is the guard against two tabs accepting the same link: the loser rolls back.
    const claimed = await trx.updateTable('invitations').set({ accepted_at: now, accepted_by: userId })
      .where('workspace_id', '=', invitation.workspace_id).where('id', '=', invitation.id).where('accepted_at', 'is', null).where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new AppError('invitation.not_found', 'This invitation link is not valid');
    const member = await trx.selectFrom('memberships').select('role').where('workspace_id', '=', invitation.workspace_id).where('user_id', '=', userId).executeTakeFirst();
    if (!member) await trx.insertInto('memberships').values({ workspace_id: invitation.workspace_id, user_id: userId, role: invitation.role, created_at: now }).execute();
    await recordAudit(trx, { workspaceId: invitation.workspace_id, actor: { via: 'session', userId, tokenId: null }, action: 'invitation.accepted', target: { type: 'invitation', id: invitation.id }, data: { role: invitation.role }, ip: meta.ip, at: now });
    const session = await createSession(deps, trx, { userId, workspaceId: invitation.workspace_id, ...meta });
    return { ...session, userId, workspaceId: invitation.workspace_id };
  });
}
