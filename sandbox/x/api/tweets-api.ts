/** Posts: reply, delete, hide, like, and the mentions and user timelines (PLATFORMS.md §2.4). */
import twitterText from 'twitter-text';
import { engagementAt } from '../../publishing-media.ts';
import { envelopes } from '../events.ts';
import type { XTweetRecord } from '../world.ts';
import { problems, type XApiContext, type XApiRequest, type XApiResult } from './context.ts';
import { page, userIncludes, v2Tweet } from './listing.ts';

const MAX_WEIGHT = 280;

export function createTweet(ctx: XApiContext, req: XApiRequest): XApiResult {
  const text: unknown = req.body?.text;
  if (typeof text !== 'string' || text.length === 0) throw problems.invalid('text', 'text must be a non-empty string');
  const weighted = twitterText.parseTweet(text).weightedLength;
  if (weighted > MAX_WEIGHT) throw problems.invalid('text', `Your Tweet text is too long. ${weighted} of ${MAX_WEIGHT} weighted characters.`);
  const parentId: unknown = req.body?.reply?.in_reply_to_tweet_id;
  if (parentId !== undefined && typeof parentId !== 'string') throw problems.invalid('reply.in_reply_to_tweet_id', 'in_reply_to_tweet_id must be a string id');
  const parent = parentId === undefined ? undefined : ctx.world.tweets.get(parentId);
  if (parentId !== undefined && (!parent || parent.deleted)) throw problems.forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.');
  // X refuses a post that repeats one of the account's own live posts word for word.
  if (parentId === undefined && [...ctx.world.tweets.values()].some((t) => !t.deleted && t.authorId === req.account.id && t.inReplyToId === null && t.text === text)) {
    throw problems.forbidden('You are not allowed to create a Tweet with duplicate content.');
  }
  const tweet: XTweetRecord = {
    id: ctx.world.nextId(), authorId: req.account.id, text, inReplyToId: parent?.id ?? null, createdAt: ctx.now(),
    sourceAppId: ctx.appId, hidden: false, deleted: false,
  };
  ctx.world.tweets.set(tweet.id, tweet);
  ctx.log.tweets.push({ id: tweet.id, accountId: req.account.id, text, inReplyToId: tweet.inReplyToId, at: tweet.createdAt });
  return {
    status: 201,
    body: { data: { id: tweet.id, text, edit_history_tweet_ids: [tweet.id] } },
    after: () => ctx.echo(envelopes.tweetCreate(ctx.world, req.account.id, tweet)),
  };
}

export function deleteTweet(ctx: XApiContext, req: XApiRequest): XApiResult {
  const tweet = live(ctx, req.params.id!);
  if (tweet.authorId !== req.account.id) throw problems.forbidden('You are not allowed to delete a Tweet that you did not author.');
  tweet.deleted = true;
  ctx.log.deleted.push({ tweetId: tweet.id, accountId: req.account.id, at: ctx.now() });
  return { status: 200, body: { data: { deleted: true } }, after: () => ctx.echo(envelopes.tweetDelete(req.account.id, tweet, ctx.now())) };
}

export function hideReply(ctx: XApiContext, req: XApiRequest): XApiResult {
  const tweet = live(ctx, req.params.id!);
  const hidden: unknown = req.body?.hidden;
  if (typeof hidden !== 'boolean') throw problems.invalid('hidden', 'hidden must be true or false');
  // Only replies in a conversation the account started can be hidden, and never its own.
  if (tweet.authorId === req.account.id || !startedBy(ctx, tweet, req.account.id)) throw problems.forbidden('You can only hide replies to conversations you started.');
  tweet.hidden = hidden;
  ctx.log.hidden.push({ tweetId: tweet.id, accountId: req.account.id, hidden, at: ctx.now() });
  return { status: 200, body: { data: { hidden } } };
}

export function like(ctx: XApiContext, req: XApiRequest): XApiResult {
  if (req.params.id !== req.account.id) throw problems.forbidden('You are not permitted to like on behalf of another user.');
  const tweetId: unknown = req.body?.tweet_id;
  if (typeof tweetId !== 'string') throw problems.invalid('tweet_id', 'tweet_id must be a string id');
  live(ctx, tweetId);
  ctx.log.likes.push({ tweetId, accountId: req.account.id, at: ctx.now() });
  return { status: 200, body: { data: { liked: true } } };
}

/** Posts by others that name the account or reply to it, as X's mentions timeline lists them. */
export function mentions(ctx: XApiContext, req: XApiRequest): XApiResult {
  const user = ctx.world.users.get(req.params.id!);
  if (!user) throw problems.notFound('user', req.params.id!);
  const handle = new RegExp(`(^|[^\\w])@${user.screenName}(?!\\w)`, 'i');
  const list = [...ctx.world.tweets.values()].filter((t) => !t.deleted && t.authorId !== user.id
    && (handle.test(t.text) || (t.inReplyToId !== null && ctx.world.tweets.get(t.inReplyToId)?.authorId === user.id)));
  return timeline(ctx, req, list);
}

export function userTweets(ctx: XApiContext, req: XApiRequest): XApiResult {
  if (!ctx.world.users.has(req.params.id!)) throw problems.notFound('user', req.params.id!);
  return timeline(ctx, req, [...ctx.world.tweets.values()].filter((t) => !t.deleted && t.authorId === req.params.id));
}

function timeline(ctx: XApiContext, req: XApiRequest, list: XTweetRecord[]): XApiResult {
  const body = page(list, req.query, (t) => v2Tweet(ctx.world, t, req.query), (slice) => userIncludes(ctx.world, req.query, 'author_id', slice.map((t) => t.authorId)));
  return { status: 200, body };
}

function live(ctx: XApiContext, id: string): XTweetRecord {
  const tweet = ctx.world.tweets.get(id);
  if (!tweet || tweet.deleted) throw problems.notFound('tweet', id);
  return tweet;
}

function startedBy(ctx: XApiContext, tweet: XTweetRecord, accountId: string): boolean {
  let root = tweet;
  while (root.inReplyToId && ctx.world.tweets.get(root.inReplyToId)) root = ctx.world.tweets.get(root.inReplyToId)!;
  return root.authorId === accountId;
}

/** `GET /2/tweets/:id`: the post, with `public_metrics` (and the owner's `non_public_metrics`) growing with its age. */
export function getTweet(ctx: XApiContext, req: XApiRequest): XApiResult {
  const tweet = live(ctx, req.params.id!);
  const body = v2Tweet(ctx.world, tweet, req.query);
  const fields = new Set((req.query.get('tweet.fields') ?? '').split(','));
  const figures = engagementAt(ctx.now() - tweet.createdAt);
  if (fields.has('public_metrics')) {
    Object.assign(body, { public_metrics: { retweet_count: figures.shares, reply_count: figures.comments, like_count: figures.likes, quote_count: 0, bookmark_count: figures.saves, impression_count: figures.impressions } });
  }
  if (fields.has('non_public_metrics')) {
    if (tweet.authorId !== req.account.id) throw problems.forbidden('Sorry, you are not authorized to access non_public_metrics on this Tweet.');
    Object.assign(body, { non_public_metrics: { impression_count: figures.impressions, url_link_clicks: figures.clicks, user_profile_clicks: 0 } });
  }
  return { status: 200, body: { data: body } };
}
