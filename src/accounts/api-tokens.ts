import { AppError, newId, newSecret, sha256Hex } from '../kernel/index.ts';
import type { Role } from '../store/index.ts';
import type { AccountsDeps, Caller } from './deps.ts';
import { can } from './roles.ts';
import { recordAudit } from './audit.ts';

export const TOKEN_PREFIX = 'rls_';

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
  lastUsedAt: number | null;
}

/**
 * Creates a workspace API token. The secret is returned once and stored only as a hash.
 * `caller` is null for the CLI, which acts as the installation's operator.
 */
export async function createApiToken(deps: AccountsDeps, caller: Caller | null, input: { workspaceId: string; name: string; role: Role }): Promise<{ token: ApiToken; secret: string }> {
  if (caller && input.role === 'owner' && !can(caller.role, 'owners.manage')) throw new AppError('auth.forbidden', 'Only an owner can create an owner token');
  const workspace = await deps.db.selectFrom('workspaces').select('id').where('id', '=', input.workspaceId).executeTakeFirst();
  if (!workspace) throw new AppError('workspace.not_found', 'Workspace not found');
  const now = deps.clock.now();
  const secret = `${TOKEN_PREFIX}${newSecret(32)}`;
  const token: ApiToken = { id: newId(now), name: input.name, role: input.role, createdAt: now, lastUsedAt: null };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values({
      workspace_id: input.workspaceId, id: token.id, name: input.name, token_hash: sha256Hex(secret), role: input.role,
      created_by: caller?.userId ?? null, created_at: now, last_used_at: null, revoked_at: null,
    }).execute();
    await recordAudit(trx, { workspaceId: input.workspaceId, actor: caller ?? 'system', action: 'token.created', target: { type: 'api_token', id: token.id }, data: { name: input.name, role: input.role }, at: now });
  });
  return { token, secret };
}

export async function listApiTokens(deps: Pick<AccountsDeps, 'db'>, workspaceId: string): Promise<ApiToken[]> {
  const rows = await deps.db.selectFrom('api_tokens').select(['id', 'name', 'role', 'created_at', 'last_used_at'])
    .where('workspace_id', '=', workspaceId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastUsedAt: row.last_used_at }));
}

export async function revokeApiToken(deps: AccountsDeps, caller: Caller, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('api_tokens').set({ revoked_at: now })
      .where('workspace_id', '=', caller.workspaceId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('token.not_found', 'Token not found');
    await recordAudit(trx, { workspaceId: caller.workspaceId, actor: caller, action: 'token.revoked', target: { type: 'api_token', id }, at: now });
  });
}

/** The caller behind a bearer token, or null when it is unknown or revoked. */
export async function resolveApiToken(deps: Pick<AccountsDeps, 'db' | 'clock'>, secret: string): Promise<Caller | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await deps.db.selectFrom('api_tokens').select(['workspace_id', 'id', 'role', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', sha256Hex(secret)).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  const now = deps.clock.now();
  if (row.last_used_at === null || now - row.last_used_at > 60_000) {
    await deps.db.updateTable('api_tokens').set({ last_used_at: now }).where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute();
  }
  return { via: 'token', userId: null, tokenId: row.id, sessionId: null, workspaceId: row.workspace_id, role: row.role };
}
