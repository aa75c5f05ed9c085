import type { ChannelContext } from '../../channels/index.ts';
import type { PublishNetwork } from '../networks.ts';

/** A version as a network publisher sends it: links already tagged, media as public URLs. */
export interface OutgoingPost {
  versionId: string;
  text: string;
  title: string | null;
  boardId: string | null;
  link: string | null;
  mediaUrls: string[];
  /** Instagram's container from an earlier attempt, when one was made. */
  containerId: string | null;
  /** When the first attempt started: a lookup ignores older posts. */
  since: number;
}

export type FailureKind = 'transient' | 'rate_limited' | 'auth' | 'permanent';

export type PublishOutcome =
  | { ok: true; platformId: string; permalink: string | null }
  | { ok: false; kind: FailureKind; reason: string; retryAfterMs?: number | undefined };

export interface Figures {
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  impressions: number;
  clicks: number;
}

/** Tells the caller what a step produced before the next one (Instagram's container). */
export interface PublishHooks {
  saveContainer(containerId: string): Promise<void>;
}

/**
 * One network's publishing calls. Owned by publishing; each lives in its own file and speaks
 * its platform (PLATFORMS.md §2, §5); failures come back in Relais's four kinds.
 */
export interface Publisher {
  readonly network: PublishNetwork;
  publish(channel: ChannelContext, post: OutgoingPost, hooks: PublishHooks): Promise<PublishOutcome>;
  /**
   * Whether an earlier attempt already published this post (its answer was lost): the
   * platform's id when found. Asked before any retry, so nothing is published twice.
   */
  find(channel: ChannelContext, post: OutgoingPost): Promise<{ platformId: string; permalink: string | null } | null>;
  /** Engagement figures so far, or null when the platform no longer has the post. */
  figures(channel: ChannelContext, platformId: string): Promise<Figures | null>;
}

/** No answer in time: the call may have acted. */
export class PublishTimeout extends Error {}
