import { z } from 'zod';
import type { CommentItem, Party, ReactionItem } from '../inbound-item.ts';

/**
 * `tweet_create_events`, `tweet_delete_events` and `favorite_events` (v1.1 objects, PLATFORMS.md
 * §2.3). Ids are read from `id_str` only: the numeric `id` is past 2^53.
 */
const idString = z.string().regex(/^\d+$/, 'expected a numeric id string');
const time = z.union([z.string(), z.number()]).nullish();
export const v1User = z.object({ id_str: idString, screen_name: z.string().nullish(), name: z.string().nullish() });
const v1Tweet = z.object({
  id_str: idString,
  text: z.string().nullish(),
  full_text: z.string().nullish(),
  truncated: z.boolean().nullish(),
  extended_tweet: z.object({ full_text: z.string() }).nullish(),
  user: v1User,
  in_reply_to_status_id_str: idString.nullish(),
  retweeted_status: z.unknown().nullish(),
  timestamp_ms: time,
  created_at: z.string().nullish(),
});
const deleteEvent = z.object({ status: z.object({ id: idString, user_id: idString }), timestamp_ms: time });
const favoriteEvent = z.object({ favorited_status: z.object({ id_str: idString }), user: v1User, timestamp_ms: time, created_at: z.string().nullish() });

export type V1User = z.infer<typeof v1User>;

/** What every X item needs from its envelope. */
export interface XContext {
  /** `for_user_id`: the subscribed account, which routes the item to its channel. */
  accountId: string;
}

/**
 * A post that mentions the account, replies to it or quotes it, or one of the account's own.
 * Retweets carry no words of their own and yield nothing.
 *
 * @example parseTweetCreate({ id_str: '2', text: '@shop hello', user: { id_str: '9' }, timestamp_ms: '1700000000000' }, { accountId: '1' })
 */
export function parseTweetCreate(raw: unknown, context: XContext): CommentItem | null {
  const parsed = v1Tweet.safeParse(raw);
  if (!parsed.success || parsed.data.retweeted_status) return null;
  const tweet = parsed.data;
  const occurredAt = epochMs(tweet.timestamp_ms) ?? epochMs(tweet.created_at);
  if (occurredAt === undefined) return null;
  const parent = tweet.in_reply_to_status_id_str ?? null;
  return {
    type: 'comment',
    surface: 'x',
    accountId: context.accountId,
    occurredAt,
    action: 'add',
    externalId: tweet.id_str,
    // A reply joins its parent's thread; ingestion links it further up when it knows the parent.
    threadExternalId: parent ?? tweet.id_str,
    parentExternalId: parent,
    post: { externalId: parent ?? tweet.id_str },
    author: toParty(tweet.user),
    // Our own posts come back too (sent by Relais or elsewhere): never answered, matched to sends.
    byAccount: tweet.user.id_str === context.accountId,
    // Longform posts arrive cut to ~140 characters with the whole text beside.
    text: (tweet.truncated ? tweet.extended_tweet?.full_text : undefined) ?? tweet.full_text ?? tweet.text ?? '',
  };
}

/** A deleted post: only its id and author are known, so the thread is the post itself. */
export function parseTweetDelete(raw: unknown, context: XContext): CommentItem | null {
  const parsed = deleteEvent.safeParse(raw);
  const occurredAt = parsed.success ? epochMs(parsed.data.timestamp_ms) : undefined;
  if (!parsed.success || occurredAt === undefined) return null;
  const { id, user_id: author } = parsed.data.status;
  return {
    type: 'comment', surface: 'x', accountId: context.accountId, occurredAt, action: 'remove',
    externalId: id, threadExternalId: id, parentExternalId: null, post: { externalId: id },
    author: { externalId: author }, byAccount: author === context.accountId,
  };
}

/** A like on one of the account's posts (or the account liking someone's). */
export function parseFavorite(raw: unknown, context: XContext): ReactionItem | null {
  const parsed = favoriteEvent.safeParse(raw);
  if (!parsed.success) return null;
  const occurredAt = epochMs(parsed.data.timestamp_ms) ?? epochMs(parsed.data.created_at);
  if (occurredAt === undefined) return null;
  return {
    type: 'reaction', surface: 'x', accountId: context.accountId, occurredAt,
    targetExternalId: parsed.data.favorited_status.id_str, reaction: 'like', action: 'add', author: toParty(parsed.data.user),
  };
}

export function toParty(user: V1User): Party {
  return { externalId: user.id_str, name: user.name ?? undefined, handle: user.screen_name ?? undefined };
}

/**
 * Epoch ms from X's spellings: `timestamp_ms` / `created_timestamp` (ms, as strings) or
 * v1.1 `created_at` ("Wed Oct 10 20:19:24 +0000 2018") and v2 ISO dates.
 */
export function epochMs(value: string | number | null | undefined): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}
