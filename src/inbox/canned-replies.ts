import { AppError, newId } from '../kernel/index.ts';
import { isUniqueViolation } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';

export interface CannedReply {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

export async function listCannedReplies(deps: Pick<InboxDeps, 'db'>, workspaceId: string): Promise<CannedReply[]> {
  return deps.db.selectFrom('canned_replies').select(['id', 'shortcut', 'title', 'body']).where('workspace_id', '=', workspaceId).orderBy('shortcut').execute();
}

/** Creates (id null) or updates a canned reply; shortcuts are unique in a workspace. */
export async function saveCannedReply(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, id: string | null, input: Omit<CannedReply, 'id'>): Promise<CannedReply> {
  const now = deps.clock.now();
  try {
    if (id === null) {
      const reply = { id: newId(now), ...input };
      await deps.db.insertInto('canned_replies').values({ workspace_id: workspaceId, ...reply, created_at: now, updated_at: now }).execute();
      return reply;
    }
    const result = await deps.db.updateTable('canned_replies').set({ ...input, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('canned_reply.not_found', 'Canned reply not found');
    return { id, ...input };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('canned_reply.duplicate', 'This shortcut is taken', { fields: { shortcut: ['already used'] } });
    throw error;
  }
}

export async function deleteCannedReply(deps: Pick<InboxDeps, 'db'>, workspaceId: string, id: string): Promise<void> {
  const result = await deps.db.deleteFrom('canned_replies').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('canned_reply.not_found', 'Canned reply not found');
}
