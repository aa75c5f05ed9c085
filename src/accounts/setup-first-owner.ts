import { AppError, newId } from '../kernel/index.ts';
import { isUniqueViolation } from '../store/index.ts';
import type { AccountsDeps, RequestMeta } from './deps.ts';
import { hashPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';
import { recordAudit } from './audit.ts';

export interface SetupInput {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  locale: 'fr' | 'en';
}

export interface SetupResult {
  userId: string;
  workspaceId: string;
}

/**
 * First run: creates the first workspace and its owner. Works once per installation; the
 * `setup` row in installation_settings is the lock, so two racing setups cannot both win.
 */
export async function setupFirstOwner(deps: AccountsDeps, input: SetupInput, meta?: RequestMeta): Promise<SetupResult & { session?: NewSession }> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const userId = newId(now);
  const workspaceId = newId(now);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (anyUser) throw new AppError('setup.already_done', 'Relais is already set up; sign in instead');
      await trx.insertInto('installation_settings').values({ key: 'setup', value: JSON.stringify({ at: now }), updated_at: now }).execute();
      await trx.insertInto('workspaces').values({ id: workspaceId, name: input.workspaceName, locale: input.locale, timezone: 'Europe/Paris', created_at: now }).execute();
      await trx.insertInto('users').values({ id: userId, email: normalizeEmail(input.email), name: input.name, password_hash: passwordHash, locale: input.locale, created_at: now, password_changed_at: now }).execute();
      await trx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: userId, role: 'owner', created_at: now }).execute();
      await recordAudit(trx, { workspaceId, actor: { via: 'session', userId, tokenId: null }, action: 'installation.setup', target: { type: 'workspace', id: workspaceId }, ip: meta?.ip ?? null, at: now });
      const session = meta ? await createSession(deps, trx, { userId, workspaceId, ...meta }) : undefined;
      return { userId, workspaceId, ...(session ? { session } : {}) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('setup.already_done', 'Relais is already set up; sign in instead');
    throw error;
  }
}

export async function isSetupNeeded(deps: Pick<AccountsDeps, 'db'>): Promise<boolean> {
  const row = await deps.db.selectFrom('installation_settings').select('key').where('key', '=', 'setup').executeTakeFirst();
  return !row;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
