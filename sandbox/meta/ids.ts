/**
 * Ids shaped like Meta's, unique within one sandbox: numeric object ids, `{post}_{comment}`
 * comment ids, `m_…` Messenger mids and base64 Instagram mids. The counter never restarts on
 * `reset()`, so ids from one test can never collide with the next one's.
 */
import { randomBytes } from 'node:crypto';

export interface MetaIds {
  /** A Facebook comment id on a post `{page}_{post}`: `{post}_{n}`. */
  facebookComment(postId: string): string;
  /** A 17-digit Instagram comment id. */
  instagramComment(): string;
  /** A Messenger message id. */
  messengerMid(): string;
  /** An Instagram DM message id (base64 of an item reference, as Instagram sends them). */
  instagramMid(accountId: string): string;
  /** A conversation (thread) id. */
  thread(): string;
  /** The opaque trace id Graph puts on errors and in `x-fb-trace-id`. */
  fbtrace(): string;
}

export function createMetaIds(): MetaIds {
  let n = 0;
  const next = (digits: number) => String(++n).padStart(digits, '0');
  return {
    facebookComment: (postId) => `${postId.split('_')[1] ?? postId}_12${next(14)}`,
    instagramComment: () => `178${next(14)}`,
    messengerMid: () => `m_${randomBytes(30).toString('base64url')}`,
    instagramMid: (accountId) => Buffer.from(`ig_message_item:1:IGMessageThread:${accountId}:${next(20)}`).toString('base64url'),
    thread: () => `t_10${next(13)}`,
    fbtrace: () => randomBytes(9).toString('base64url').slice(0, 11),
  };
}
