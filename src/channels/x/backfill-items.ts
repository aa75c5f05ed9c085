import type { CommentItem, MessageItem, Party } from '../inbound-item.ts';
import { epochMs } from './inbound-tweets.ts';

/**
 * X API v2 objects (mentions timeline, DM events) as the very items the webhook parser makes
 * from the same posts and messages: same ids, same threads, so ingestion dedupes them.
 */
export interface V2User { id: string; name?: string; username?: string }
export type UsersById = Map<string, V2User>;

export function usersById(includes: unknown): UsersById {
  const users = (includes as { users?: unknown } | undefined)?.users;
  return new Map((Array.isArray(users) ? users : []).filter((u) => typeof u?.id === 'string').map((u: V2User) => [u.id, u]));
}

/** A v2 post (`id`, `text`, `author_id`, `created_at`, `referenced_tweets`, `note_tweet`) as a comment. */
export function commentFromV2(tweet: any, users: UsersById, accountId: string): CommentItem | null {
  const occurredAt = epochMs(tweet?.created_at);
  if (typeof tweet?.id !== 'string' || typeof tweet?.author_id !== 'string' || occurredAt === undefined) return null;
  const refs: any[] = Array.isArray(tweet.referenced_tweets) ? tweet.referenced_tweets : [];
  // A retweet has no words of its own: the webhook parser skips it too.
  if (refs.some((ref) => ref?.type === 'retweeted')) return null;
  const parent: string | null = refs.find((ref) => ref?.type === 'replied_to')?.id ?? null;
  return {
    type: 'comment', surface: 'x', accountId, occurredAt, action: 'add',
    externalId: tweet.id,
    threadExternalId: parent ?? tweet.id,
    parentExternalId: parent,
    post: { externalId: parent ?? tweet.id },
    author: party(tweet.author_id, users),
    byAccount: tweet.author_id === accountId,
    // v2 gives a longform post's whole text in note_tweet, as v1.1 does in extended_tweet.
    text: String(tweet.note_tweet?.text ?? tweet.text ?? ''),
  };
}

/**
 * A v2 `MessageCreate` DM event as a message. v2 gives no `source_app_id`, so `sentByApp` is
 * left unknown: ingestion matches our sends by their `dm_event_id`.
 */
export function messageFromV2(event: any, users: UsersById, accountId: string): MessageItem | null {
  const occurredAt = epochMs(event?.created_at);
  if (event?.event_type !== 'MessageCreate' || typeof event?.id !== 'string' || typeof event?.sender_id !== 'string' || occurredAt === undefined) return null;
  const out = event.sender_id === accountId;
  const customer = out ? otherParticipant(event, accountId) : event.sender_id;
  if (!customer) return null;
  return {
    type: 'message', surface: 'x', accountId, occurredAt,
    externalId: event.id,
    customer: party(customer, users),
    direction: out ? 'out' : 'in',
    text: String(event.text ?? ''),
    attachments: [],
  };
}

/** The other person of a one-to-one conversation: `participant_ids`, or the `<a>-<b>` conversation id. */
function otherParticipant(event: any, accountId: string): string | undefined {
  const ids: unknown[] = Array.isArray(event.participant_ids) ? event.participant_ids : String(event.dm_conversation_id ?? '').split('-');
  const other = ids.find((id) => typeof id === 'string' && /^\d+$/.test(id) && id !== accountId);
  return typeof other === 'string' ? other : undefined;
}

function party(id: string, users: UsersById): Party {
  const user = users.get(id);
  return { externalId: id, name: user?.name, handle: user?.username };
}
