import { computeSla, defaultBusinessHours, defaultSlaPolicies, slaPolicyFor, type SlaEvent, type SlaState } from '../care/index.ts';
import type { Db } from '../store/index.ts';

export interface SlaView {
  dueAt: number | null;
  state: SlaState;
}

interface Row {
  id: string;
  kind: 'public' | 'private';
  status: 'open' | 'pending' | 'snoozed' | 'resolved';
  linked_conversation_id: string | null;
  updated_at: number;
}

/**
 * Each conversation's response promise, from its timeline (and its linked conversation's:
 * a public thread moved to private messages keeps one clock). Workspace hours and policies
 * are the defaults until they can be edited.
 */
export async function slaViews(db: Db, workspaceId: string, rows: (Row & { surface: string })[], now: number): Promise<Map<string, SlaView>> {
  const result = new Map<string, SlaView>();
  if (rows.length === 0) return result;
  const ids = [...new Set(rows.flatMap((row) => [row.id, ...(row.linked_conversation_id ? [row.linked_conversation_id] : [])]))];
  const messages = await db.selectFrom('messages').select(['conversation_id', 'direction', 'kind', 'author_type', 'status', 'created_at', 'platform_created_at'])
    .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute();
  const timelines = new Map<string, SlaEvent[]>();
  for (const message of messages) {
    if (message.status === 'deleted' && message.direction === 'in') continue;
    const type: SlaEvent['type'] = message.kind === 'note' ? 'note'
      : message.direction === 'in' ? 'customer_message'
        : message.author_type === 'bot' ? 'auto_reply' : 'agent_reply';
    timelines.set(message.conversation_id, [...(timelines.get(message.conversation_id) ?? []), { at: message.platform_created_at ?? message.created_at, type }]);
  }
  for (const row of rows) {
    const events = [...(timelines.get(row.id) ?? []), ...(row.linked_conversation_id ? timelines.get(row.linked_conversation_id) ?? [] : [])];
    if (row.status === 'resolved') events.push({ at: row.updated_at, type: 'resolved' });
    events.sort((a, b) => a.at - b.at);
    try {
      const sla = computeSla(slaPolicyFor(defaultSlaPolicies, row.surface, row.kind), defaultBusinessHours, events, now);
      const running = [sla.firstResponse, sla.nextResponse].filter((m) => m && m.metAt === null && m.dueAt !== null).map((m) => m!.dueAt!);
      result.set(row.id, { dueAt: running.length > 0 ? Math.min(...running) : null, state: sla.state });
    } catch {
      // A timeline older than the business calendar's reach (years): no promise to show.
      result.set(row.id, { dueAt: null, state: 'met' });
    }
  }
  return result;
}
