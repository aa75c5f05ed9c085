import { AppError } from '../kernel/index.ts';
import type { Db, Role } from '../store/index.ts';
import type { Caller } from './deps.ts';

export interface Me {
  user: { id: string; name: string; email: string; locale: 'fr' | 'en' | null } | null;
  workspace: { id: string; name: string; locale: string; timezone: string };
  role: Role;
  workspaces: { id: string; name: string; role: Role }[];
  via: Caller['via'];
}

/** The `GET /me` answer: who the caller is, where, and with which role. */
export async function describeCaller(db: Db, caller: Caller): Promise<Me> {
  const workspace = await db.selectFrom('workspaces').select(['id', 'name', 'locale', 'timezone'])
    .where('id', '=', caller.workspaceId).executeTakeFirst();
  if (!workspace) throw new AppError('workspace.not_found', 'Workspace not found');
  if (!caller.userId) {
    return { user: null, workspace, role: caller.role, workspaces: [{ id: workspace.id, name: workspace.name, role: caller.role }], via: caller.via };
  }
  const user = await db.selectFrom('users').select(['id', 'name', 'email', 'locale']).where('id', '=', caller.userId).executeTakeFirstOrThrow();
  const workspaces = await db.selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id as id', 'workspaces.name as name', 'memberships.role as role'])
    .where('memberships.user_id', '=', caller.userId)
    .orderBy('workspaces.name').execute();
  return {
    user: { ...user, locale: user.locale === 'fr' || user.locale === 'en' ? user.locale : null },
    workspace,
    role: caller.role,
    workspaces,
    via: caller.via,
  };
}
