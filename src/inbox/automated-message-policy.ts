import type { InboxDeps } from './deps.ts';
import { replyAction } from './outbound-target.ts';

/**
 * Whether Relais itself (not a person) may write privately in a conversation right now: the
 * channel's policy says yes without a tag reserved for human replies (Meta's HUMAN_AGENT).
 * Cart recovery asks this before sending.
 *
 * @example await mayMessageAutomatically(deps, workspaceId, conversationId) // true within Messenger's 24 h
 */
export async function mayMessageAutomatically(deps: Pick<InboxDeps, 'db' | 'clock' | 'channels'>, workspaceId: string, conversationId: string): Promise<boolean> {
  const conversation = await deps.db.selectFrom('conversations').innerJoin('channels', (join) => join.onRef('channels.id', '=', 'conversations.channel_id').onRef('channels.workspace_id', '=', 'conversations.workspace_id'))
    .select(['conversations.id', 'conversations.channel_id', 'conversations.kind', 'conversations.external_thread_id', 'conversations.last_inbound_at', 'channels.kind as provider', 'channels.status as channelStatus'])
    .where('conversations.workspace_id', '=', workspaceId).where('conversations.id', '=', conversationId).executeTakeFirst();
  if (!conversation || conversation.kind !== 'private' || conversation.channelStatus !== 'active') return false;
  const provider = deps.channels.get(conversation.provider);
  if (!provider) return false;
  try {
    const target = await replyAction(deps.db, workspaceId, conversation, 'private', '', 'automation');
    const decision = provider.policy(target.facts, target.action.type, deps.clock.now());
    return decision.ok && decision.tag === 'none';
  } catch {
    return false;
  }
}
