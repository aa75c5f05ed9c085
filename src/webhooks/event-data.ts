import { webhookEvents, type WebhookEventType } from '../contracts/index.ts';
import type { Db } from '../store/index.ts';

/**
 * The `data` of an event as sent: inbox events are read from their rows (null when the row is
 * gone, and nothing is sent); the others were handed over whole and are only checked.
 */
export async function eventData(db: Db, workspaceId: string, type: WebhookEventType, source: Record<string, unknown>, occurredAt: number): Promise<Record<string, unknown> | null> {
  const ref = (key: string) => String(source[key] ?? '');
  switch (type) {
    case 'conversation.created':
    case 'conversation.resolved': {
      const row = await db.selectFrom('conversations').select(['id', 'channel_id', 'contact_id', 'kind', 'created_at'])
        .where('workspace_id', '=', workspaceId).where('id', '=', ref('conversationId')).executeTakeFirst();
      if (!row) return null;
      const base = { conversationId: row.id, channelId: row.channel_id, contactId: row.contact_id };
      return type === 'conversation.created' ? { ...base, kind: row.kind, createdAt: row.created_at } : { ...base, resolvedAt: occurredAt };
    }
    case 'message.received': {
      const row = await db.selectFrom('messages').select(['id', 'conversation_id', 'channel_id', 'author_id', 'text', 'meta', 'created_at'])
        .where('workspace_id', '=', workspaceId).where('id', '=', ref('messageId')).executeTakeFirst();
      if (!row) return null;
      const surface = (JSON.parse(row.meta || '{}') as { surface?: unknown }).surface;
      return {
        messageId: row.id, conversationId: row.conversation_id, channelId: row.channel_id, contactId: row.author_id,
        surface: typeof surface === 'string' ? surface : null, text: row.text ?? '', receivedAt: row.created_at,
      };
    }
    case 'message.sent': {
      const row = await db.selectFrom('outbound').select(['id', 'message_id', 'conversation_id', 'channel_id', 'platform_id', 'sent_at', 'updated_at'])
        .where('workspace_id', '=', workspaceId).where('id', '=', ref('outboundId')).executeTakeFirst();
      if (!row) return null;
      return { messageId: row.message_id, conversationId: row.conversation_id, channelId: row.channel_id, outboundId: row.id, platformId: row.platform_id, sentAt: row.sent_at ?? row.updated_at };
    }
    default:
      return webhookEvents[type].parse(source) as Record<string, unknown>;
  }
}
