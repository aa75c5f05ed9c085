import { AppError } from '../kernel/index.ts';
import type { InboxDeps } from './deps.ts';
import { ensureConversation } from './conversations.ts';
import { sendReply, type Actor } from './send-reply.ts';

/**
 * A private message to a contact on a channel where they have an identity (an X DM to
 * someone who replied to a post): their private conversation, found or opened, then the
 * usual `sendReply` with its policy checks. The platform may still refuse (DMs closed).
 */
export async function messageContact(deps: InboxDeps, workspaceId: string, actor: Actor, input: { channelId: string; contactId: string; surface: string; text: string; idempotencyKey: string }) {
  const identity = await deps.db.selectFrom('identities').select('external_id').where('workspace_id', '=', workspaceId)
    .where('channel_id', '=', input.channelId).where('contact_id', '=', input.contactId).orderBy('created_at').executeTakeFirst();
  if (!identity) throw new AppError('channel.policy_refused', 'This person has no identity on this channel to write to privately');
  const now = deps.clock.now();
  const conversation = await deps.db.transaction().execute((trx) =>
    ensureConversation(trx, { workspaceId, channelId: input.channelId }, { kind: 'private', threadKey: `${input.surface}:${identity.external_id}`, contactId: input.contactId }, now));
  const sent = await sendReply(deps, workspaceId, actor, conversation.id, { text: input.text, visibility: 'private', idempotencyKey: input.idempotencyKey });
  return { conversationId: conversation.id, ...sent };
}
