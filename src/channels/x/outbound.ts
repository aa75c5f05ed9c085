import type { ChannelContext, OutboundAction, SendOutcome } from '../provider.ts';
import { isOutboundError } from '../../net/index.ts';
import { XRateGated, XTimeout, type XApi, type XResponse } from './api.ts';
import { classifyXError } from './errors.ts';
import { xTextProblem } from './policy.ts';
import type { RateGate } from './rate-gate.ts';

/** The account's user id: the channel's external id, or the `accountId` setting. */
export function selfId(channel: ChannelContext): string {
  return channel.externalId ?? String(channel.settings.accountId ?? '');
}

/**
 * One outbound action against X API v2 (PLATFORMS.md §2.4). An over-long text is refused
 * before any call; a spent rate window is waited out, never hammered.
 */
export async function sendToX(api: XApi, gate: RateGate, channel: ChannelContext, action: OutboundAction): Promise<SendOutcome> {
  const problem = xTextProblem(action);
  if (problem) return { ok: false, kind: 'permanent', reason: problem };
  if (action.type === 'private_reply') return { ok: false, kind: 'permanent', reason: 'X has no private reply to a post: send a direct message' };
  let response: XResponse;
  try {
    response = await call(api, channel, action);
  } catch (error) {
    if (error instanceof XRateGated) return { ok: false, kind: 'rate_limited', reason: error.message, retryAfterMs: error.retryAfterMs };
    if (isOutboundError(error) && error.refused) return { ok: false, kind: 'permanent', reason: error.message };
    return { ok: false, kind: 'transient', reason: (error as Error).message, uncertain: error instanceof XTimeout };
  }
  if (response.status < 200 || response.status >= 300) return classifyXError(response, action.type, gate);
  const data = response.body?.data;
  const platformId = action.type === 'message' ? data?.dm_event_id : action.type === 'public_reply' ? data?.id : null;
  return { ok: true, platformId: platformId == null ? null : String(platformId) };
}

function call(api: XApi, channel: ChannelContext, action: Exclude<OutboundAction, { type: 'private_reply' }>): Promise<XResponse> {
  const id = encodeURIComponent(action.type === 'message' ? action.recipientExternalId : action.commentExternalId);
  switch (action.type) {
    case 'public_reply':
      return api(channel, 'POST', '/2/tweets', { body: { text: action.text, reply: { in_reply_to_tweet_id: action.commentExternalId } } });
    case 'message':
      return api(channel, 'POST', `/2/dm_conversations/with/${id}/messages`, { body: { text: action.text } });
    case 'like':
      return api(channel, 'POST', `/2/users/${encodeURIComponent(selfId(channel))}/likes`, { body: { tweet_id: action.commentExternalId } });
    case 'hide':
    case 'unhide':
      return api(channel, 'PUT', `/2/tweets/${id}/hidden`, { body: { hidden: action.type === 'hide' } });
    case 'delete':
      return api(channel, 'DELETE', `/2/tweets/${id}`);
  }
}

/**
 * Whether a post or DM whose answer was lost did happen: our text, from the account, replying
 * to the same post (or in the same DM conversation). Like, hide and delete are safe to repeat.
 * X prefixes a reply with the @handles it answers, so those are ignored in the comparison.
 */
export async function reconcileX(api: XApi, channel: ChannelContext, action: OutboundAction): Promise<string | null> {
  const me = encodeURIComponent(selfId(channel));
  if (action.type === 'public_reply') {
    const answer = await api(channel, 'GET', `/2/users/${me}/tweets`, { query: { max_results: '100', 'tweet.fields': 'referenced_tweets,created_at' } });
    const found = list(answer).find((tweet) => withoutLeadingHandles(String(tweet?.text ?? '')) === withoutLeadingHandles(action.text)
      && Array.isArray(tweet?.referenced_tweets) && tweet.referenced_tweets.some((ref: any) => ref?.type === 'replied_to' && ref?.id === action.commentExternalId));
    return found?.id ? String(found.id) : null;
  }
  if (action.type === 'message') {
    const answer = await api(channel, 'GET', `/2/dm_conversations/with/${encodeURIComponent(action.recipientExternalId)}/dm_events`, {
      query: { max_results: '100', 'dm_event.fields': 'id,text,event_type,sender_id,created_at', event_types: 'MessageCreate' },
    });
    const found = list(answer).find((event) => event?.sender_id === selfId(channel) && event?.text === action.text);
    return found?.id ? String(found.id) : null;
  }
  return null;
}

/** A person's name and @handle (`GET /2/users/:id`). */
export async function xProfile(api: XApi, channel: ChannelContext, externalId: string): Promise<{ name?: string; handle?: string } | null> {
  const answer = await api(channel, 'GET', `/2/users/${encodeURIComponent(externalId)}`, { query: { 'user.fields': 'name,username' } });
  const data = answer.status === 200 ? answer.body?.data : undefined;
  if (!data) return null;
  return { name: typeof data.name === 'string' ? data.name : undefined, handle: typeof data.username === 'string' ? data.username : undefined };
}

function list(answer: XResponse): any[] {
  if (answer.status !== 200) throw new Error(`X answered HTTP ${answer.status} while reconciling`);
  return Array.isArray(answer.body?.data) ? answer.body.data : [];
}

function withoutLeadingHandles(text: string): string {
  return text.replace(/^(@\w+\s+)+/, '').trim();
}
