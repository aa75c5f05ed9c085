import { AppError, newId, newSecret, sha256Hex } from '../kernel/index.ts';
import type { Role } from '../store/index.ts';
import type { AccountsDeps, Caller } from './deps.ts';
import { roleWithin, type TokenScope } from './roles.ts';
import { recordAudit } from './audit.ts';

export const TOKEN_PREFIX = 'rls_';
/** `last_used_at` is written at most this often per token, not on every request. */
export const LAST_USE_EVERY_MS = 60_000;

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  scope: TokenScope;
  createdAt: number;
  createdBy: { id: string; name: string } | null;
  expiresAt: number | null;
  lastUsedAt: number | null;
  lastUsedIp: string | null;
  revokedAt: number | null;
}

export interface NewApiToken {
  workspaceId: string;
  name: string;
  /** At most the creator's role; the creator's role when left out. */
  role?: Role | undefined;
  /** `admin` (everything the role allows) when left out, as tokens made before scopes. */
  scope?: TokenScope | undefined;
  /** Epoch ms; null or left out: the token does not expire. */
  expiresAt?: number | null | undefined;
}

/**
 * Creates a workspace API token. The secret is returned once and stored only as a hash. A
 * member's token never holds more than the member's role, now or later (`resolveApiToken`).
 * `caller` is null for the CLI, which acts as the installation's operator.
 *
 * @example await createApiToken(deps, caller, { workspaceId, name: 'ERP', scope: 'read', expiresAt: Date.parse('2027-06-30') })
 */
export async function createApiToken(deps: AccountsDeps, caller: Caller | null, input: NewApiToken): Promise<{ token: ApiToken; secret: string }> {
  const role = input.role ?? caller?.role ?? 'admin';
  if (caller && !roleWithin(role, caller.role)) throw new AppError('auth.forbidden', 'A token cannot hold more than your own role');
  const now = deps.clock.now();
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null && expiresAt <= now) throw new AppError('token.expiry_past', 'The expiry date must be in the future');
  const workspace = await deps.db.selectFrom('workspaces').select('id').where('id', '=', input.workspaceId).executeTakeFirst();
  if (!workspace) throw new AppError('workspace.not_found', 'Workspace not found');
  const scope = input.scope ?? 'admin';
  const secret = `${TOKEN_PREFIX}${newSecret(32)}`;
  const id = newId(now);
  const creator = caller?.userId ? await deps.db.selectFrom('users').select(['id', 'name']).where('id', '=', caller.userId).executeTakeFirst() : undefined;
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values({
      workspace_id: input.workspaceId, id, name: input.name, token_hash: sha256Hex(secret), role, scope, expires_at: expiresAt,
      created_by: caller?.userId ?? null, created_at: now, last_used_at: null, last_used_ip: null, revoked_at: null,
    }).execute();
    await recordAudit(trx, { workspaceId: input.workspaceId, actor: caller ?? 'system', action: 'token.created', target: { type: 'api_token', id }, data: { name: input.name, role, scope, expiresAt }, at: now });
  });
  const token: ApiToken = {
    id, name: input.name, role, scope, createdAt: now, createdBy: creator ?? null, expiresAt, lastUsedAt: null, lastUsedIp: null, revokedAt: null,
  };
  return { token, secret };
}

/** The workspace's tokens, newest first, revoked ones included (marked) so the history stays visible. */
export async function listApiTokens(deps: Pick<AccountsDeps, 'db'>, workspaceId: string): Promise<ApiToken[]> {
  const rows = await deps.db.selectFrom('api_tokens').leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.role', 'api_tokens.scope', 'api_tokens.created_at', 'api_tokens.created_by', 'users.name as creator_name',
      'api_tokens.expires_at', 'api_tokens.last_used_at', 'api_tokens.last_used_ip', 'api_tokens.revoked_at'])
    .where('api_tokens.workspace_id', '=', workspaceId).orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').limit(500).execute();
  return rows.map((row) => ({
    id: row.id, name: row.name, role: row.role, scope: row.scope, createdAt: Number(row.created_at),
    createdBy: row.created_by ? { id: row.created_by, name: row.creator_name ?? '' } : null,
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at), lastUsedIp: row.last_used_ip,
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  }));
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

/**
 * The caller behind a bearer token; `expired` past its expiry; null when it is unknown,
 * revoked, or its creator has left the workspace. A member's token acts with the narrower of
 * its own role and the creator's current role, so a demotion applies to their tokens at once.
 * The last use (time and address) is written at most once a minute per token.
 */
export async function resolveApiToken(deps: Pick<AccountsDeps, 'db' | 'clock'>, secret: string, meta: { ip: string | null } = { ip: null }): Promise<Caller | 'expired' | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await deps.db.selectFrom('api_tokens')
    .leftJoin('memberships', (join) => join.onRef('memberships.workspace_id', '=', 'api_tokens.workspace_id').onRef('memberships.user_id', '=', 'api_tokens.created_by'))
    .select(['api_tokens.workspace_id', 'api_tokens.id', 'api_tokens.role', 'api_tokens.scope', 'api_tokens.created_by', 'api_tokens.expires_at',
      'api_tokens.last_used_at', 'api_tokens.revoked_at', 'memberships.role as creator_role'])
    .where('api_tokens.token_hash', '=', sha256Hex(secret)).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  const now = deps.clock.now();
  if (row.expires_at !== null && Number(row.expires_at) <= now) return 'expired';
  const role = effectiveRole(row.role, row.created_by, row.creator_role);
  if (!role) return null;
  if (row.last_used_at === null || now - Number(row.last_used_at) >= LAST_USE_EVERY_MS) {
    // Conditional, so concurrent requests of one token write once.
    await deps.db.updateTable('api_tokens').set({ last_used_at: now, last_used_ip: meta.ip })
      .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - LAST_USE_EVERY_MS)])).execute();
  }
  return { via: 'token', userId: null, tokenId: row.id, sessionId: null, workspaceId: row.workspace_id, role, scope: row.scope };
}

function effectiveRole(tokenRole: Role, createdBy: string | null, creatorRole: Role | null): Role | null {
  if (createdBy === null) return tokenRole; // made by the operator (CLI)
  if (creatorRole === null) return null; // the creator left the workspace
  if (roleWithin(tokenRole, creatorRole)) return tokenRole;
  return roleWithin(creatorRole, tokenRole) ? creatorRole : null;
}
