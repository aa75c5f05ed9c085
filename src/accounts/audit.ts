import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Caller } from './deps.ts';

export interface AuditInput {
  workspaceId: string;
  actor: Pick<Caller, 'via' | 'userId' | 'tokenId'> | 'system';
  action: string;
  target?: { type: string; id: string };
  data?: Record<string, unknown>;
  ip?: string | null;
  at: number;
}

/** Appends to the workspace's audit log; call it inside the transaction of the change. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  const actor = input.actor === 'system'
    ? { actor_type: 'system' as const, actor_id: null }
    : input.actor.via === 'token'
      ? { actor_type: 'token' as const, actor_id: input.actor.tokenId }
      : { actor_type: 'user' as const, actor_id: input.actor.userId };
  await db.insertInto('audit_log').values({
    workspace_id: input.workspaceId,
    id: newId(input.at),
    ...actor,
    action: input.action,
    target_type: input.target?.type ?? null,
    target_id: input.target?.id ?? null,
    data: JSON.stringify(input.data ?? {}),
    ip: input.ip ?? null,
    created_at: input.at,
  }).execute();
}

export async function listAudit(db: Db, workspaceId: string, limit: number) {
  const rows = await db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    data: JSON.parse(row.data) as unknown,
    createdAt: row.created_at,
  }));
}
