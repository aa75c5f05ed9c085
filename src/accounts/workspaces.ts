import { AppError, newId } from '../kernel/index.ts';
import type { AccountsDeps, Caller } from './deps.ts';
import { recordAudit } from './audit.ts';

/** A new workspace (another shop) owned by the caller; the session moves to it. */
export async function createWorkspace(deps: AccountsDeps, caller: Caller, input: { name: string }): Promise<string> {
  if (!caller.userId) throw new AppError('auth.forbidden', 'Only a signed-in person can create a workspace');
  const now = deps.clock.now();
  const workspaceId = newId(now);
  await deps.db.transaction().execute(async (trx) => {
    const locale = await trx.selectFrom('users').select('locale').where('id', '=', caller.userId!).executeTakeFirst();
    await trx.insertInto('workspaces').values({ id: workspaceId, name: input.name, locale: locale?.locale ?? 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
    await trx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: caller.userId!, role: 'owner', created_at: now }).execute();
    if (caller.sessionId) await trx.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', caller.sessionId).execute();
    await recordAudit(trx, { workspaceId, actor: caller, action: 'workspace.created', target: { type: 'workspace', id: workspaceId }, at: now });
  });
  return workspaceId;
}

/** The workspace switcher: points the session at another workspace the user belongs to. */
export async function switchWorkspace(deps: Pick<AccountsDeps, 'db'>, caller: Caller, workspaceId: string): Promise<Caller> {
  if (!caller.userId || !caller.sessionId) throw new AppError('auth.forbidden', 'An API token is bound to one workspace');
  const membership = await deps.db.selectFrom('memberships').select('role')
    .where('user_id', '=', caller.userId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!membership) throw new AppError('workspace.not_found', 'Workspace not found');
  await deps.db.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', caller.sessionId).execute();
  return { ...caller, workspaceId, role: membership.role };
}

export async function updateProfile(deps: Pick<AccountsDeps, 'db'>, caller: Caller, input: { name?: string | undefined; locale?: 'fr' | 'en' | undefined }): Promise<void> {
  if (!caller.userId) throw new AppError('auth.forbidden', 'An API token has no profile');
  const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.locale !== undefined ? { locale: input.locale } : {}) };
  if (Object.keys(changes).length === 0) return;
  await deps.db.updateTable('users').set(changes).where('id', '=', caller.userId).execute();
}
