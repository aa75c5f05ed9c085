import { AppError } from '../kernel/index.ts';
import type { ChannelProvider, OutboundAction, PolicyFacts } from '../channels/index.ts';
import type { Db } from '../store/index.ts';

export type Visibility = 'public' | 'private';

interface ConversationRow {
  id: string;
  channel_id: string;
  kind: 'public' | 'private';
  external_thread_id: string | null;
  last_inbound_at: number | null;
}

/**
 * What an agent's reply becomes on the platform. In a DM conversation: a message to the
 * customer. On a comment thread: a public reply under the top-level comment, or a private
 * reply to the customer's latest comment.
 */
export async function replyAction(db: Db, workspaceId: string, conversation: ConversationRow, visibility: Visibility, text: string, metadata: string): Promise<{ action: OutboundAction; facts: PolicyFacts }> {
  const thread = conversation.external_thread_id ?? '';
  const [surface = '', externalId = ''] = splitThread(thread);
  if (conversation.kind === 'private') {
    if (visibility === 'public') throw new AppError('request.invalid', 'A private conversation has no public reply', { fields: { visibility: ['private or note here'] } });
    return {
      action: { type: 'message', surface, recipientExternalId: externalId, text, tag: 'none', metadata },
      facts: { surface, lastInboundAt: conversation.last_inbound_at, textLength: [...text].length, text },
    };
  }
  const latest = await db.selectFrom('messages').select(['external_id', 'platform_created_at', 'meta'])
    .where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversation.id).where('direction', '=', 'in').where('external_id', 'is not', null)
    .orderBy('platform_created_at', 'desc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const commentSurface = latest ? String((JSON.parse(latest.meta) as { surface?: string }).surface ?? '') : '';
  if (visibility === 'public') {
    return {
      action: { type: 'public_reply', surface: commentSurface, commentExternalId: externalId, text },
      facts: { surface: commentSurface, lastInboundAt: conversation.last_inbound_at, textLength: [...text].length, text },
    };
  }
  if (!latest?.external_id) throw new AppError('channel.policy_refused', 'There is no customer comment to answer privately');
  // By the comment, not the conversation: a sent private reply is filed in the customer's private thread.
  const used = await db.selectFrom('outbound').select('id').where('workspace_id', '=', workspaceId).where('channel_id', '=', conversation.channel_id)
    .where('state', '!=', 'failed').where('action_type', '=', 'private_reply').where('target_external_id', '=', latest.external_id).executeTakeFirst();
  return {
    action: { type: 'private_reply', surface: commentSurface, commentExternalId: latest.external_id, text, metadata },
    facts: { surface: commentSurface === 'facebook' ? 'messenger' : commentSurface, lastInboundAt: conversation.last_inbound_at, textLength: [...text].length, text, comment: { createdAt: latest.platform_created_at, privateReplyUsed: Boolean(used) } },
  };
}

/** `messenger:123` → ['messenger', '123']; `comment:456` → ['comment', '456']. */
function splitThread(thread: string): [string, string] {
  const at = thread.indexOf(':');
  return at === -1 ? ['', thread] : [thread.slice(0, at), thread.slice(at + 1)];
}

/** Refuses what the provider's policy refuses, with the time the window closed. */
export function assertAllowed(provider: ChannelProvider, facts: PolicyFacts, action: OutboundAction, now: number) {
  const decision = provider.policy(facts, action.type, now);
  if (!decision.ok) {
    const when = decision.closedAt ? ` (closed ${new Date(decision.closedAt).toISOString()})` : '';
    throw new AppError(decision.code, `${decision.reason}${when}`);
  }
  return decision;
}
