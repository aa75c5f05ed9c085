import { isOutboundError } from '../../net/index.ts';
import type { ChannelContext, OutboundAction, SendOutcome } from '../provider.ts';
import { classifyGraphError } from './errors.ts';
import { graphCall, GraphTimeout, type GraphResponse } from './graph.ts';

/** One outbound action against the Graph API (PLATFORMS.md §1.7–1.9). */
export async function sendToMeta(channel: ChannelContext, action: OutboundAction): Promise<SendOutcome> {
  let response: GraphResponse;
  try {
    response = await call(channel, action);
  } catch (error) {
    // Refused by the outbound guard: nothing was sent and a retry cannot help.
    if (isOutboundError(error) && error.refused) return { ok: false, kind: 'permanent', reason: error.message };
    const timedOut = error instanceof GraphTimeout;
    return { ok: false, kind: 'transient', reason: (error as Error).message, uncertain: timedOut };
  }
  if (response.status >= 200 && response.status < 300 && !response.body?.error) {
    const recipient = action.type === 'private_reply' && response.body?.recipient_id ? String(response.body.recipient_id) : undefined;
    return { ok: true, platformId: response.body?.message_id ?? response.body?.id ?? null, recipientExternalId: recipient };
  }
  return classifyGraphError(response.status, response.body?.error, response.usage);
}

function call(channel: ChannelContext, action: OutboundAction): Promise<GraphResponse> {
  const page = channel.externalId ?? 'me';
  switch (action.type) {
    case 'message':
      return graphCall(channel, 'POST', `${page}/messages`, {
        recipient: { id: action.recipientExternalId },
        messaging_type: action.tag === 'human_agent' ? 'MESSAGE_TAG' : 'RESPONSE',
        ...(action.tag === 'human_agent' ? { tag: 'HUMAN_AGENT' } : {}),
        message: { text: action.text, metadata: action.metadata },
      });
    case 'private_reply':
      return graphCall(channel, 'POST', `${page}/messages`, { recipient: { comment_id: action.commentExternalId }, message: { text: action.text, metadata: action.metadata } });
    case 'public_reply':
      return graphCall(channel, 'POST', action.surface === 'instagram' ? `${action.commentExternalId}/replies` : `${action.commentExternalId}/comments`, { message: action.text });
    case 'hide':
    case 'unhide':
      return graphCall(channel, 'POST', action.commentExternalId, action.surface === 'instagram' ? { hide: action.type === 'hide' } : { is_hidden: action.type === 'hide' });
    case 'delete':
      return graphCall(channel, 'DELETE', action.commentExternalId);
    case 'like':
      return graphCall(channel, 'POST', `${action.commentExternalId}/likes`);
  }
}

/**
 * Whether a send whose answer was lost did happen: looks for our text, from the page, in
 * the thread. Hide, delete and like are safe to repeat, so they need no reconciliation.
 */
export async function reconcileMeta(channel: ChannelContext, action: OutboundAction): Promise<string | null> {
  const instagram = action.surface === 'instagram';
  // On Instagram the shop speaks as its Instagram account, not as the Page.
  const self = instagram ? String(channel.settings.instagramId ?? '') : channel.externalId ?? '';
  if (action.type === 'public_reply') {
    const thread = instagram
      ? await graphCall(channel, 'GET', `${action.commentExternalId}/replies`, { fields: 'id,text,from,timestamp' })
      : await graphCall(channel, 'GET', `${action.commentExternalId}/comments`, { fields: 'id,message,from,created_time' });
    const found = (thread.body?.data ?? []).find((c: any) => c?.from?.id === self && (c?.message ?? c?.text) === action.text);
    return found?.id ?? null;
  }
  if (action.type === 'message') {
    const conversations = await graphCall(channel, 'GET', `${channel.externalId ?? ''}/conversations`, {
      user_id: action.recipientExternalId, platform: instagram ? 'instagram' : 'messenger', fields: 'messages{id,message,created_time,from}',
    });
    for (const conversation of conversations.body?.data ?? []) {
      const found = (conversation?.messages?.data ?? []).find((m: any) => m?.from?.id === self && m?.message === action.text);
      if (found) return found.id ?? null;
    }
  }
  return null;
}

/** A person's public profile: `name` on Facebook and Messenger, `username` and `name` on Instagram. */
export async function metaProfile(channel: ChannelContext, surface: string, externalId: string) {
  const fields = surface === 'instagram' ? 'name,username' : 'name';
  const response = await graphCall(channel, 'GET', externalId, { fields });
  if (response.status !== 200 || response.body?.error) return null;
  const name = typeof response.body?.name === 'string' ? response.body.name : undefined;
  const handle = typeof response.body?.username === 'string' ? response.body.username : undefined;
  return name || handle ? { name, handle } : null;
}
