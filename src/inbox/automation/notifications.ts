/** The bell: what rules told a person, newest first, and marking it read. */
import { AppError } from '../../kernel/index.ts';
import type { InboxDeps } from '../deps.ts';

export interface NotificationView {
  id: string;
  kind: string;
  conversationId: string | null;
  messageId: string | null;
  data: Record<string, unknown>;
  createdAt: number;
  readAt: number | null;
}

export async function listNotifications(deps: Pick<InboxDeps, 'db'>, workspaceId: string, userId: string, limit = 50): Promise<{ notifications: NotificationView[]; unread: number }> {
  const rows = await deps.db.selectFrom('notifications').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  const unread = await deps.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', workspaceId).where('user_id', '=', userId)
    .where('read_at', 'is', null).executeTakeFirstOrThrow();
  return {
    notifications: rows.map((r) => ({ id: r.id, kind: r.kind, conversationId: r.conversation_id, messageId: r.message_id, data: JSON.parse(r.data) as Record<string, unknown>, createdAt: r.created_at, readAt: r.read_at })),
    unread: Number(unread.n),
  };
}

/** Marks one notification (or, with id null, all of them) read; only one's own. */
export async function markNotificationsRead(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, userId: string, id: string | null): Promise<void> {
  let query = deps.db.updateTable('notifications').set({ read_at: deps.clock.now() }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== null) {
    const own = await deps.db.selectFrom('notifications').select('id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    if (!own) throw new AppError('notification.not_found', 'Notification not found');
    query = query.where('id', '=', id);
  }
  await query.execute();
}
