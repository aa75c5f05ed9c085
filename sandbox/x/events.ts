/**
 * Account Activity payloads as X sends them (PLATFORMS.md §2.3): an envelope with
 * `for_user_id`, v1.1 tweet and user objects whose numeric `id` is a bigint (written exact),
 * DM events with string ids and a `users` map.
 */
import type { XDmRecord, XTweetRecord, XUserRecord, XWorld } from './world.ts';

const SHORT_TEXT = 140;
const APP_NAME = 'Relais Sandbox';

/** v1.1 `created_at`: "Wed Oct 10 20:19:24 +0000 2018". */
export function v1Date(ms: number): string {
  const [day, date, month, year, time] = new Date(ms).toUTCString().replace(',', '').split(' ');
  return `${day} ${month} ${date} ${time} +0000 ${year}`;
}

export function v1User(user: XUserRecord) {
  return {
    id: BigInt(user.id), id_str: user.id, name: user.name, screen_name: user.screenName,
    location: null, url: null, description: null, protected: false, verified: false,
    followers_count: 0, friends_count: 0, statuses_count: 0, created_at: v1Date(user.createdAt),
    profile_image_url_https: `https://pbs.twimg.com/profile_images/${user.id}/normal.jpg`, default_profile_image: false,
  };
}

export function v1Tweet(world: XWorld, tweet: XTweetRecord) {
  const author = world.users.get(tweet.authorId)!;
  const parent = tweet.inReplyToId ? world.tweets.get(tweet.inReplyToId) : undefined;
  const parentAuthor = parent ? world.users.get(parent.authorId) : undefined;
  const points = [...tweet.text];
  const long = points.length > SHORT_TEXT;
  // A reply's leading @handle is not part of what the author typed: display starts after it.
  const prefix = parentAuthor && tweet.text.startsWith(`@${parentAuthor.screenName} `) ? parentAuthor.screenName.length + 2 : 0;
  const entities = { hashtags: [], urls: [], user_mentions: mentions(world, tweet.text), symbols: [] };
  return {
    created_at: v1Date(tweet.createdAt),
    id: BigInt(tweet.id),
    id_str: tweet.id,
    text: long ? `${points.slice(0, SHORT_TEXT - 1).join('')}…` : tweet.text,
    display_text_range: [prefix, Math.min(points.length, SHORT_TEXT)],
    source: tweet.sourceAppId ? `<a href="https://relais.example" rel="nofollow">${APP_NAME}</a>` : '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    truncated: long,
    in_reply_to_status_id: parent ? BigInt(parent.id) : null,
    in_reply_to_status_id_str: parent?.id ?? null,
    in_reply_to_user_id: parentAuthor ? BigInt(parentAuthor.id) : null,
    in_reply_to_user_id_str: parentAuthor?.id ?? null,
    in_reply_to_screen_name: parentAuthor?.screenName ?? null,
    user: v1User(author),
    geo: null, coordinates: null, place: null, contributors: null,
    is_quote_status: false, quote_count: 0, reply_count: 0, retweet_count: 0, favorite_count: 0,
    entities,
    ...(long ? { extended_tweet: { full_text: tweet.text, display_text_range: [prefix, points.length], entities } } : {}),
    favorited: false, retweeted: false, filter_level: 'low', lang: 'fr',
    timestamp_ms: String(tweet.createdAt),
  };
}

/** Code-point indices, as v1.1 entities count. */
function mentions(world: XWorld, text: string) {
  const found = [];
  const points = [...text];
  for (const match of text.matchAll(/@(\w{1,15})/g)) {
    const user = [...world.users.values()].find((u) => u.screenName.toLowerCase() === match[1]!.toLowerCase());
    if (!user) continue;
    const start = [...text.slice(0, match.index)].length;
    found.push({ screen_name: user.screenName, name: user.name, id: BigInt(user.id), id_str: user.id, indices: [start, Math.min(points.length, start + match[0].length)] });
  }
  return found;
}

export const envelopes = {
  tweetCreate: (world: XWorld, forUserId: string, tweet: XTweetRecord) => ({ for_user_id: forUserId, tweet_create_events: [v1Tweet(world, tweet)] }),
  tweetDelete: (forUserId: string, tweet: XTweetRecord, at: number) => ({
    for_user_id: forUserId, tweet_delete_events: [{ status: { id: tweet.id, user_id: tweet.authorId }, timestamp_ms: String(at) }],
  }),
  favorite: (world: XWorld, forUserId: string, tweet: XTweetRecord, by: XUserRecord, at: number) => ({
    for_user_id: forUserId,
    favorite_events: [{ id: `${tweet.id.slice(-8)}${by.id.slice(-8)}`, created_at: v1Date(at), timestamp_ms: at, favorited_status: v1Tweet(world, tweet), user: v1User(by) }],
  }),
  directMessage: (world: XWorld, forUserId: string, dm: XDmRecord) => ({
    for_user_id: forUserId,
    direct_message_events: [{
      type: 'message_create', id: dm.id, created_timestamp: String(dm.createdAt),
      message_create: {
        target: { recipient_id: dm.recipientId }, sender_id: dm.senderId,
        ...(dm.sourceAppId ? { source_app_id: dm.sourceAppId } : {}),
        message_data: { text: dm.text, entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] } },
      },
    }],
    ...(dm.sourceAppId ? { apps: { [dm.sourceAppId]: { id: dm.sourceAppId, name: APP_NAME, url: 'https://relais.example' } } } : {}),
    users: Object.fromEntries([dm.senderId, dm.recipientId].map((id) => [id, dmUser(world.users.get(id)!)])),
  }),
};

function dmUser(user: XUserRecord) {
  return {
    id: user.id, created_timestamp: String(user.createdAt), name: user.name, screen_name: user.screenName,
    protected: false, verified: false, followers_count: 0, friends_count: 0, statuses_count: 0,
    profile_image_url_https: `https://pbs.twimg.com/profile_images/${user.id}/normal.jpg`,
  };
}
