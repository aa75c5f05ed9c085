import type { InboxDeps } from './deps.ts';
import { namesOf } from './summaries.ts';

export interface RegisterFilter {
  action?: 'hide' | 'unhide' | 'delete' | undefined;
  actorType?: 'user' | 'token' | 'rule' | 'platform' | undefined;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

/** The moderation register: every hide, unhide and delete, newest first, with who, why and what. */
export async function moderationRegister(deps: Pick<InboxDeps, 'db'>, workspaceId: string, filter: RegisterFilter) {
  let query = deps.db.selectFrom('moderation_log').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorType) query = query.where('actor_type', '=', filter.actorType);
  if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  const names = await namesOf(deps.db, rows.filter((row) => row.actor_type === 'user').map((row) => row.actor_id));
  return rows.map((row) => ({
    id: row.id, at: row.created_at, action: row.action, actorType: row.actor_type, actorId: row.actor_id,
    actorName: row.actor_type === 'user' ? names.get(row.actor_id ?? '') ?? null : row.actor_id,
    clause: row.clause, reason: row.reason, messageId: row.message_id, conversationId: row.conversation_id, snapshot: row.snapshot,
  }));
}

/**
 * CSV for spreadsheets: one line per entry, fields quoted, formulas neutralised. French Excel
 * reads UTF-8 only after a byte-order mark and splits columns on `;`: both are options.
 */
export function registerCsv(entries: Awaited<ReturnType<typeof moderationRegister>>, options: { separator?: ',' | ';'; bom?: boolean } = {}): string {
  const separator = options.separator ?? ',';
  const header = ['date', 'action', 'actor_type', 'actor', 'clause', 'reason', 'conversation_id', 'message_id', 'content'];
  const lines = entries.map((e) => [new Date(e.at).toISOString(), e.action, e.actorType, e.actorName ?? '', e.clause ?? '', e.reason ?? '', e.conversationId, e.messageId, e.snapshot].map(csvField).join(separator));
  return `${options.bom ? '\uFEFF' : ''}${[header.join(separator), ...lines].join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // A cell starting with = + - @ would run as a formula in a spreadsheet: customer text must not.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
