import { AppError, newId, newSecret } from '../kernel/index.ts';
import type { OutboundAction } from '../channels/index.ts';
import type { InboxDeps } from './deps.ts';
import { queueOutbound } from './queue-outbound.ts';
import type { Actor } from './send-reply.ts';

export type ModerationAction = 'hide' | 'unhide' | 'delete' | 'like';

/**
 * Hides, unhides, deletes or likes a comment on the platform. The change and its line in
 * the moderation log are recorded when the platform confirms it.
 */
export async function moderateMessage(deps: InboxDeps, workspaceId: string, actor: Actor, messageId: string, input: { action: ModerationAction; reason?: string | undefined }) {
  const message = await deps.db.selectFrom('messages').select(['id', 'conversation_id', 'channel_id', 'kind', 'external_id', 'meta', 'status'])
    .where('workspace_id', '=', workspaceId).where('id', '=', messageId).executeTakeFirst();
  if (!message) throw new AppError('message.not_found', 'Message not found');
  if (message.kind !== 'comment' || !message.external_id) throw new AppError('channel.policy_refused', 'Only a published comment can be moderated');
  if (message.status === 'deleted') throw new AppError('channel.policy_refused', 'This comment is already deleted');
  const surface = String((JSON.parse(message.meta) as { surface?: string }).surface ?? '');
  const action: OutboundAction = { type: input.action, surface, commentExternalId: message.external_id };
  const now = deps.clock.now();
  const outboundId = newId(now);
  await deps.db.transaction().execute(async (trx) => {
    await queueOutbound(trx, deps.queue, {
      workspaceId, id: outboundId, messageId: message.id, conversationId: message.conversation_id, channelId: message.channel_id,
      idempotencyKey: `${input.action}:${newSecret(12)}`, action, actor, reason: input.reason ?? null, now,
    });
  });
  return { outboundId };
}
