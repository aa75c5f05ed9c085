import { AppError } from '../kernel/index.ts';
import type { Role } from '../store/index.ts';
import type { AccountsDeps, Caller } from './deps.ts';
import { can } from './roles.ts';
import { recordAudit } from './audit.ts';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: number;
}

export async function listMembers(deps: Pick<AccountsDeps, 'db'>, workspaceId: string): Promise<Member[]> {
  const rows = await deps.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.name as name', 'users.email as email', 'memberships.role as role', 'memberships.created_at as joinedAt'])
    .where('memberships.workspace_id', '=', workspaceId).orderBy('users.name').execute();
  return rows;
}

/** Changes a member's role. Ownership is given or taken only by an owner; one owner always remains. */
export async function changeMemberRole(deps: AccountsDeps, caller: Caller, userId: string, role: Role): Promise<Member> {
  return deps.db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('memberships').select('role')
      .where('workspace_id', '=', caller.workspaceId).where('user_id', '=', userId).executeTakeFirst();
    if (!member) throw new AppError('member.not_found', 'Member not found');
    if ((role === 'owner' || member.role === 'owner') && !can(caller.role, 'owners.manage')) {
      throw new AppError('auth.forbidden', 'Only an owner can grant or remove ownership');
    }
    if (member.role === 'owner' && role !== 'owner') await assertAnotherOwner(trx, caller.workspaceId);
    await trx.updateTable('memberships').set({ role }).where('workspace_id', '=', caller.workspaceId).where('user_id', '=', userId).execute();
    await recordAudit(trx, { workspaceId: caller.workspaceId, actor: caller, action: 'member.role_changed', target: { type: 'user', id: userId }, data: { from: member.role, to: role }, at: deps.clock.now() });
    const [updated] = (await listMembers({ db: trx }, caller.workspaceId)).filter((m) => m.userId === userId);
    return updated!;
  });
}

export async function removeMember(deps: AccountsDeps, caller: Caller, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('memberships').select('role')
      .where('workspace_id', '=', caller.workspaceId).where('user_id', '=', userId).executeTakeFirst();
    if (!member) throw new AppError('member.not_found', 'Member not found');
    if (member.role === 'owner') {
      if (!can(caller.role, 'owners.manage')) throw new AppError('auth.forbidden', 'Only an owner can remove an owner');
      await assertAnotherOwner(trx, caller.workspaceId);
    }
    await trx.deleteFrom('memberships').where('workspace_id', '=', caller.workspaceId).where('user_id', '=', userId).execute();
    await recordAudit(trx, { workspaceId: caller.workspaceId, actor: caller, action: 'member.removed', target: { type: 'user', id: userId }, data: { role: member.role }, at: deps.clock.now() });
  });
}

async function assertAnotherOwner(db: AccountsDeps['db'], workspaceId: string): Promise<void> {
  const owners = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId).where('role', '=', 'owner').executeTakeFirstOrThrow();
  if (Number(owners.n) <= 1) throw new AppError('member.last_owner', 'A workspace keeps at least one owner');
}
