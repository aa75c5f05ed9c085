/**
 * Test support: raw rows written the way ingestion, replies and status changes write them,
 * so report tests exercise the triggers and the refresh on a real database.
 */
import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { TestDialect } from '../store/testing.ts';
import { setUpOwner, startTestRelais, type TestRelais } from '../http/testing.ts';

/** A test Relais on the real clock (the test browser's cookies expire by it) with an owner signed up: its workspace's id. */
export async function startReportsRelais(dialect: TestDialect): Promise<{ relais: TestRelais; workspaceId: string }> {
  const relais = await startTestRelais(dialect);
  relais.clock.set(Date.now());
  const owner = await setUpOwner(relais.app);
  return { relais, workspaceId: (await owner.get('/api/v1/me')).body.workspace.id };
}

export interface RawMessage {
  conversationId: string;
  channelId: string;
  direction: 'in' | 'out';
  at: number;
  kind?: 'message' | 'comment' | 'note';
  author?: 'contact' | 'user' | 'brand' | 'bot';
  authorId?: string | null;
  status?: 'visible' | 'hidden' | 'deleted';
  /** A Relais reply not yet held by the platform: no platform time. */
  unsent?: boolean;
  sentiment?: 'negative' | 'neutral' | 'positive' | null;
  classifiedBy?: 'model' | 'agent' | null;
  text?: string;
}

export function rawRows(db: () => Db, workspaceId: string) {
  let seq = 0;
  return {
    async channel(kind = 'x', name = 'X'): Promise<string> {
      const id = newId();
      await db().insertInto('channels').values({ workspace_id: workspaceId, id, kind, name, external_id: `acct-${id}`, settings: '{}', secrets: null, status: 'active', created_at: 0, updated_at: 0 }).execute();
      return id;
    },
    async conversation(channelId: string, at: number, options: { kind?: 'public' | 'private'; thread?: string; contactId?: string | null } = {}): Promise<string> {
      const id = newId(at);
      await db().insertInto('conversations').values({
        workspace_id: workspaceId, id, channel_id: channelId, contact_id: options.contactId ?? null, kind: options.kind ?? 'private', status: 'open',
        external_thread_id: options.thread ?? `x:${id}`, subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: at,
        created_at: at, updated_at: at, post_id: null, last_inbound_at: at, linked_conversation_id: null,
      }).execute();
      return id;
    },
    async message(m: RawMessage): Promise<string> {
      const id = newId(m.at);
      const author = m.author ?? (m.direction === 'in' ? 'contact' : 'user');
      await db().insertInto('messages').values({
        workspace_id: workspaceId, id, conversation_id: m.conversationId, channel_id: m.channelId, direction: m.direction, kind: m.kind ?? 'message',
        author_type: author, author_id: m.authorId ?? null, text: m.text ?? `message ${++seq}`, external_id: m.unsent ? null : `ext-${id}`, attachments: '[]',
        meta: JSON.stringify({ surface: 'x' }), platform_created_at: m.unsent ? null : m.at, created_at: m.at, status: m.status ?? 'visible', edited_at: null,
        platform_updated_at: m.at, reply_to_external_id: null, language: null, sentiment: m.sentiment ?? null, sentiment_score: null, intents: null,
        classified_by: m.sentiment ? m.classifiedBy ?? 'model' : null,
      }).execute();
      return id;
    },
    /** A status change as `updateConversation` makes it: the row's `updated_at` is the moment. */
    async status(conversationId: string, status: 'open' | 'pending' | 'resolved' | 'snoozed', at: number): Promise<void> {
      await db().updateTable('conversations').set({ status, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).execute();
    },
  };
}
