import { AppError, newId } from '../kernel/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { ensureConversation } from './conversations.ts';
import { sendReply, type Actor } from './send-reply.ts';

/**
 * Public → private: a short public line inviting the customer to private messages, and the
 * private conversation (found or opened) linked to the public one, so the team sees one
 * story and the SLA clock counts it once. Where the platform has private replies to a
 * comment (Meta), the invitation is that private reply itself.
 */
export async function moveToPrivate(deps: InboxDeps, workspaceId: string, actor: Actor, conversationId: string, input: { publicText: string; privateText?: string | undefined; idempotencyKey?: string | undefined }) {
  // Each message it sends is keyed from the caller's key, so a retried move sends each once.
  const keyed = (part: string) => (input.idempotencyKey ? `${input.idempotencyKey}:${part}` : undefined);
  const conversation = await deps.db.selectFrom('conversations').innerJoin('channels', (join) => join.onRef('channels.id', '=', 'conversations.channel_id').onRef('channels.workspace_id', '=', 'conversations.workspace_id'))
    .select(['conversations.id', 'conversations.kind', 'conversations.channel_id', 'conversations.contact_id', 'channels.kind as provider'])
    .where('conversations.workspace_id', '=', workspaceId).where('conversations.id', '=', conversationId).executeTakeFirst();
  if (!conversation) throw new AppError('conversation.not_found', 'Conversation not found');
  if (conversation.kind !== 'public' || !conversation.contact_id) throw new AppError('channel.policy_refused', 'Only a public thread with a known customer moves to private messages');
  const provider = deps.channels.require(conversation.provider);
  const now = deps.clock.now();
  if (provider.privateReplies) {
    // The invitation is posted under the comment when the agent also wrote the private message;
    // the private reply then opens the customer's private thread, linked once the platform
    // names them (`recordSent`), where their answer lands.
    const publicReply = input.privateText ? await sendReply(deps, workspaceId, actor, conversationId, { text: input.publicText, visibility: 'public', idempotencyKey: keyed('public') }) : null;
    const sent = await sendReply(deps, workspaceId, actor, conversationId, { text: input.privateText ?? input.publicText, visibility: 'private', idempotencyKey: keyed('private') });
    return { publicMessageId: publicReply?.messageId ?? null, privateConversationId: conversationId, privateMessageId: sent.messageId };
  }
  const identity = await deps.db.selectFrom('identities').select(['external_id']).where('workspace_id', '=', workspaceId)
    .where('channel_id', '=', conversation.channel_id).where('contact_id', '=', conversation.contact_id).executeTakeFirst();
  const latest = await deps.db.selectFrom('messages').select('meta').where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).where('direction', '=', 'in').orderBy('seq', 'desc').executeTakeFirst();
  const surface = String((JSON.parse(latest?.meta ?? '{}') as { surface?: string }).surface ?? conversation.provider);
  if (!identity) throw new AppError('channel.policy_refused', 'This customer has no identity to write to privately');

  const publicReply = await sendReply(deps, workspaceId, actor, conversationId, { text: input.publicText, visibility: 'public', idempotencyKey: keyed('public') });
  const ref = { workspaceId, channelId: conversation.channel_id };
  const privateConversation = await deps.db.transaction().execute(async (trx) => {
    const opened = await ensureConversation(trx, ref, { kind: 'private', threadKey: `${surface}:${identity.external_id}`, contactId: conversation.contact_id }, now);
    await trx.updateTable('conversations').set({ linked_conversation_id: opened.id, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).execute();
    await trx.updateTable('conversations').set({ linked_conversation_id: conversationId, updated_at: now, ...(opened.created ? { last_message_at: now } : {}) })
      .where('workspace_id', '=', workspaceId).where('id', '=', opened.id).execute();
    return opened;
  });
  // The DM itself goes out only if the agent wrote one; X may still refuse it (DMs closed).
  const privateMessage = input.privateText
    ? await sendReply(deps, workspaceId, actor, privateConversation.id, { text: input.privateText, visibility: 'private', idempotencyKey: keyed('dm') ?? `move:${newId(now)}` })
    : null;
  await publishAll(deps.bus, [{ workspaceId, type: 'conversation.updated', data: { conversationId } }, { workspaceId, type: 'conversation.updated', data: { conversationId: privateConversation.id } }]);
  return { publicMessageId: publicReply.messageId, privateConversationId: privateConversation.id, privateMessageId: privateMessage?.messageId ?? null };
}
