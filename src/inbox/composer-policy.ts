import { AppError } from '../kernel/index.ts';
import type { PolicyDecision } from '../channels/index.ts';
import type { InboxDeps } from './deps.ts';
import { replyAction, type Visibility } from './outbound-target.ts';

export interface PolicyView {
  allowed: boolean;
  code: string | null;
  reason: string | null;
  note: string | null;
  closesAt: number | null;
  maxLength: number;
  /** Characters left for `text`, counted the platform's way (X: links 23, emoji 2). */
  remaining: number;
}

/** What the composer may send right now in a conversation, and until when. */
export async function composerPolicy(deps: Pick<InboxDeps, 'db' | 'clock' | 'channels'>, workspaceId: string, conversationId: string, text = '') {
  const conversation = await deps.db.selectFrom('conversations').innerJoin('channels', (join) => join.onRef('channels.id', '=', 'conversations.channel_id').onRef('channels.workspace_id', '=', 'conversations.workspace_id'))
    .select(['conversations.id', 'conversations.channel_id', 'conversations.kind', 'conversations.external_thread_id', 'conversations.last_inbound_at', 'channels.kind as provider', 'channels.status as channelStatus'])
    .where('conversations.workspace_id', '=', workspaceId).where('conversations.id', '=', conversationId).executeTakeFirst();
  if (!conversation) throw new AppError('conversation.not_found', 'Conversation not found');
  const provider = deps.channels.require(conversation.provider);
  const view = async (visibility: Visibility): Promise<PolicyView | null> => {
    if (conversation.kind === 'private' && visibility === 'public') return null;
    if (conversation.channelStatus === 'needs_reconnect') return { allowed: false, code: 'channel.needs_reconnect', reason: 'The channel must be reconnected', note: null, closesAt: null, maxLength: 0, remaining: 0 };
    let target;
    try {
      target = await replyAction(deps.db, workspaceId, conversation, visibility, '', 'preview');
    } catch (error) {
      return { allowed: false, code: (error as AppError).code ?? 'channel.policy_refused', reason: (error as Error).message, note: null, closesAt: null, maxLength: 0, remaining: 0 };
    }
    const decision: PolicyDecision = provider.policy(target.facts, target.action.type, deps.clock.now());
    const kind = target.action.type === 'public_reply' || target.action.type === 'private_reply' ? target.action.type : 'message';
    const { used, max: maxLength } = provider.measure(target.action.surface, kind, text);
    const remaining = maxLength - used;
    return decision.ok
      ? { allowed: true, code: null, reason: null, note: decision.note, closesAt: decision.closesAt, maxLength, remaining }
      : { allowed: false, code: decision.code, reason: decision.reason, note: null, closesAt: decision.closedAt, maxLength, remaining };
  };
  return { public: await view('public'), private: await view('private') };
}
