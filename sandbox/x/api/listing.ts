/** v2 list answers: newest first, `since_id`/`until_id`, `max_results`, `pagination_token`, fields and expansions. */
import type { XDmRecord, XTweetRecord, XUserRecord, XWorld } from '../world.ts';
import { problems } from './context.ts';

const newestFirst = (a: { id: string }, b: { id: string }) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0);

/** One page of `items` per the query, with `meta` as X gives it. */
export function page<T extends { id: string }>(items: T[], query: URLSearchParams, render: (item: T) => Record<string, unknown>, includes: (items: T[]) => Record<string, unknown> | undefined) {
  const since = idParam(query, 'since_id');
  const until = idParam(query, 'until_id');
  const max = Number(query.get('max_results') ?? 10);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw problems.invalid('max_results', `The \`max_results\` query parameter value [${query.get('max_results')}] is not between 1 and 100`);
  const offset = Number(/^next_(\d+)$/.exec(query.get('pagination_token') ?? '')?.[1] ?? 0);
  const matching = items.filter((item) => (since === undefined || BigInt(item.id) > since) && (until === undefined || BigInt(item.id) < until)).sort(newestFirst);
  const slice = matching.slice(offset, offset + max);
  const meta: Record<string, unknown> = { result_count: slice.length };
  if (slice.length > 0) Object.assign(meta, { newest_id: slice[0]!.id, oldest_id: slice.at(-1)!.id });
  if (offset + max < matching.length) meta.next_token = `next_${offset + max}`;
  if (offset > 0) meta.previous_token = `next_${Math.max(0, offset - max)}`;
  const extra = slice.length > 0 ? includes(slice) : undefined;
  return { ...(slice.length > 0 ? { data: slice.map(render) } : {}), ...(extra ? { includes: extra } : {}), meta };
}

function idParam(query: URLSearchParams, name: string): bigint | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!/^\d{1,19}$/.test(value)) throw problems.invalid(name, `The \`${name}\` query parameter value [${value}] is not valid`);
  return BigInt(value);
}

const fieldsOf = (query: URLSearchParams, name: string) => new Set((query.get(name) ?? '').split(',').filter(Boolean));
const pick = (all: Record<string, unknown>, always: string[], asked: Set<string>) =>
  Object.fromEntries(Object.entries(all).filter(([key, value]) => value !== undefined && (always.includes(key) || asked.has(key))));

export function v2User(user: XUserRecord, query: URLSearchParams) {
  return pick({ id: user.id, name: user.name, username: user.screenName, created_at: new Date(user.createdAt).toISOString(), protected: false }, ['id', 'name', 'username'], fieldsOf(query, 'user.fields'));
}

export function v2Tweet(world: XWorld, tweet: XTweetRecord, query: URLSearchParams) {
  const all = {
    id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id], author_id: tweet.authorId,
    created_at: new Date(tweet.createdAt).toISOString(), conversation_id: conversationOf(world, tweet),
    in_reply_to_user_id: tweet.inReplyToId ? world.tweets.get(tweet.inReplyToId)?.authorId : undefined,
    referenced_tweets: tweet.inReplyToId ? [{ type: 'replied_to', id: tweet.inReplyToId }] : undefined,
  };
  return pick(all, ['id', 'text', 'edit_history_tweet_ids'], fieldsOf(query, 'tweet.fields'));
}

export function v2DmEvent(dm: XDmRecord, query: URLSearchParams) {
  const [low, high] = [dm.senderId, dm.recipientId].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const all = {
    id: dm.id, event_type: 'MessageCreate', text: dm.text, sender_id: dm.senderId, created_at: new Date(dm.createdAt).toISOString(),
    dm_conversation_id: `${low}-${high}`, participant_ids: [dm.senderId, dm.recipientId],
  };
  return pick(all, ['id', 'event_type', 'text'], fieldsOf(query, 'dm_event.fields'));
}

/** `includes.users` for the ids an expansion names, when the query asks for it. */
export function userIncludes(world: XWorld, query: URLSearchParams, expansion: string, ids: string[]) {
  if (!fieldsOf(query, 'expansions').has(expansion) && !(expansion === 'sender_id' && fieldsOf(query, 'expansions').has('participant_ids'))) return undefined;
  const users = [...new Set(ids)].map((id) => world.users.get(id)).filter((user) => user !== undefined);
  return { users: users.map((user) => v2User(user, query)) };
}

function conversationOf(world: XWorld, tweet: XTweetRecord): string {
  let current = tweet;
  for (let parent = current.inReplyToId && world.tweets.get(current.inReplyToId); parent; parent = parent.inReplyToId && world.tweets.get(parent.inReplyToId)) current = parent;
  return current.id;
}
