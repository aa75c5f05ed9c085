import { newSecret, sha256Hex } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { AccountsDeps, Caller, RequestMeta } from './deps.ts';

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: number;
}

// Writing last_seen_at on every request would turn reads into writes; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

/** Opens a session for a user in a workspace. A fresh token each time: rotation at sign-in. */
export async function createSession(deps: Pick<AccountsDeps, 'clock' | 'settings'>, db: Db, input: { userId: string; workspaceId: string | null } & RequestMeta): Promise<NewSession> {
  const now = deps.clock.now();
  const token = newSecret(32);
  const csrfToken = newSecret(24);
  const expiresAt = now + deps.settings.session.maxAgeMs;
  await db.insertInto('sessions').values({
    id: sha256Hex(token),
    user_id: input.userId,
    workspace_id: input.workspaceId,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  caller: Caller;
  csrfToken: string;
}

export type SessionLookup = ResolvedSession | 'expired' | null;

/**
 * The caller behind a session cookie, with the role read live from the membership, so a
 * role change or a removal applies on the next request. Idle or past its absolute end,
 * the session is deleted and reported as expired.
 */
export async function resolveSession(deps: Pick<AccountsDeps, 'db' | 'clock' | 'settings'>, token: string): Promise<SessionLookup> {
  const id = sha256Hex(token);
  const session = await deps.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return null;
  const now = deps.clock.now();
  if (now >= session.expires_at || now - session.last_seen_at >= deps.settings.session.idleMs) {
    await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
    return 'expired';
  }
  const membership = await currentMembership(deps.db, session.user_id, session.workspace_id);
  if (!membership) {
    await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
    return 'expired';
  }
  const updates: { last_seen_at?: number; workspace_id?: string } = {};
  if (now - session.last_seen_at >= TOUCH_EVERY_MS) updates.last_seen_at = now;
  if (membership.workspace_id !== session.workspace_id) updates.workspace_id = membership.workspace_id;
  if (Object.keys(updates).length > 0) await deps.db.updateTable('sessions').set(updates).where('id', '=', id).execute();
  return {
    csrfToken: session.csrf_token,
    caller: { via: 'session', userId: session.user_id, tokenId: null, sessionId: id, workspaceId: membership.workspace_id, role: membership.role },
  };
}

/** The membership the session points at, or the user's oldest one if that is gone. */
async function currentMembership(db: Db, userId: string, workspaceId: string | null) {
  if (workspaceId) {
    const current = await db.selectFrom('memberships').select(['workspace_id', 'role'])
      .where('user_id', '=', userId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (current) return current;
  }
  return db.selectFrom('memberships').select(['workspace_id', 'role']).where('user_id', '=', userId)
    .orderBy('created_at').orderBy('workspace_id').limit(1).executeTakeFirst();
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function purgeExpiredSessions(deps: Pick<AccountsDeps, 'db' | 'clock' | 'settings'>): Promise<number> {
  const now = deps.clock.now();
  const result = await deps.db.deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - deps.settings.session.idleMs)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
