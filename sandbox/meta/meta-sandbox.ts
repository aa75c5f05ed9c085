/**
 * The Meta side of the sandbox as tests and the demo drive it: set up Pages and people, make
 * customers act (each action sends the webhook Meta would), break things on purpose, and read
 * back what Relais did. See sandbox/README.md for the full tour.
 */
import type { CommentIds, InstagramCommentIds, ReactionIds } from './comment-events.ts';
import type { MetaEvent, MetaWebhookBody } from './event.ts';
import type { FailNextInput } from './graph/faults.ts';
import type { ThrottleInput, UsageOverride } from './graph/usage.ts';
import type {
  CommentInput, CommentRefInput, EditCommentInput, InstagramCommentInput, InstagramDmInput, MediaInput,
  MessengerMessageInput, PageInboxReplyInput, PageInput, PostInput, ReactionInput, UserInput,
} from './inputs.ts';
import type { MessageIds } from './messaging-events.ts';
import type { DeleteRecord, GraphCall, HideRecord, LikeRecord, PublicReply, SentMessage } from './records.ts';
import type { VerifyResult } from './verify-callback.ts';
import type { Delivery, DeliveryOptions } from './webhook-sender.ts';
import type { MediaRecord, PageRecord, PostRecord, UserRecord } from './world.ts';

/** What a delivery carried and how Relais answered. */
export interface Delivered<Payload = MetaWebhookBody> {
  payload: Payload;
  /** Relais's last HTTP status for the first copy; undefined if it never answered. */
  status: number | undefined;
  /** One per copy (see `duplicate`), each with its attempts. */
  deliveries: Delivery[];
}

export type ActionResult<Ids extends object> = Ids & Delivered;

export interface BatchOptions extends DeliveryOptions {
  /** One POST per event instead of one per object (`page`, `instagram`). */
  separate?: boolean;
  /** Reverse the events: within the POST, or the order of the separate POSTs. */
  reorder?: boolean;
}

export interface BatchResult {
  payloads: MetaWebhookBody[];
  deliveries: Delivery[];
}

/** Build an event (and change the world) without sending it, for `batch`. */
export interface MetaEventBuilders {
  comment(input: CommentInput): MetaEvent<CommentIds>;
  editComment(input: EditCommentInput): MetaEvent<CommentIds>;
  removeComment(input: CommentRefInput): MetaEvent<CommentIds>;
  hideComment(input: CommentRefInput): MetaEvent<CommentIds>;
  unhideComment(input: CommentRefInput): MetaEvent<CommentIds>;
  reaction(input: ReactionInput): MetaEvent<ReactionIds>;
  messengerMessage(input: MessengerMessageInput): MetaEvent<MessageIds>;
  instagramComment(input: InstagramCommentInput): MetaEvent<InstagramCommentIds>;
  instagramDm(input: InstagramDmInput): MetaEvent<MessageIds>;
  pageInboxReply(input: PageInboxReplyInput): MetaEvent<MessageIds>;
}

export type MetaAction = keyof MetaEventBuilders;

export interface MetaSandbox {
  readonly appId: string;
  readonly appSecret: string;
  readonly verifyToken: string;
  /** `<sandbox url>/v19.0`: the API base URL for Relais's Meta channel. */
  readonly graphUrl: string;
  /** Where webhooks go: `<relaisUrl>/hooks/meta`, or undefined before a Relais URL is set. */
  readonly webhookUrl: string | undefined;

  addPage(input: PageInput): PageRecord;
  addUser(input: UserInput): UserRecord;
  addPost(input: PostInput): PostRecord;
  addMedia(input: MediaInput): MediaRecord;
  setRelaisUrl(url: string): void;
  /** Echo webhooks after Send API calls and public replies (default on). */
  setEchoes(on: boolean): void;
  /** The sandbox's time (epoch ms): the base clock plus `advanceTime`s. */
  now(): number;
  advanceTime(ms: number): void;

  /** A customer comments on a Page post (`feed`, `item: comment`, `verb: add`). */
  comment(input: CommentInput, options?: DeliveryOptions): Promise<ActionResult<CommentIds>>;
  /** The customer edits it (`verb: edited`). */
  editComment(input: EditCommentInput, options?: DeliveryOptions): Promise<ActionResult<CommentIds>>;
  /** The customer deletes it (`verb: remove`). */
  removeComment(input: CommentRefInput, options?: DeliveryOptions): Promise<ActionResult<CommentIds>>;
  /** Someone hides it from Facebook itself, outside Relais (`verb: hide`). */
  hideComment(input: CommentRefInput, options?: DeliveryOptions): Promise<ActionResult<CommentIds>>;
  unhideComment(input: CommentRefInput, options?: DeliveryOptions): Promise<ActionResult<CommentIds>>;
  /** A reaction to a post or comment (`item: reaction`). */
  reaction(input: ReactionInput, options?: DeliveryOptions): Promise<ActionResult<ReactionIds>>;
  /** A Messenger message; opens the 24 h window. */
  messengerMessage(input: MessengerMessageInput, options?: DeliveryOptions): Promise<ActionResult<MessageIds>>;
  /** An Instagram comment (`object: instagram`, `field: comments`). */
  instagramComment(input: InstagramCommentInput, options?: DeliveryOptions): Promise<ActionResult<InstagramCommentIds>>;
  /** An Instagram DM; opens the 24 h window. */
  instagramDm(input: InstagramDmInput, options?: DeliveryOptions): Promise<ActionResult<MessageIds>>;
  /** A human answers from the Page inbox: an echo without (or with another) `app_id`. */
  pageInboxReply(input: PageInboxReplyInput, options?: DeliveryOptions): Promise<ActionResult<MessageIds>>;
  readonly events: MetaEventBuilders;
  /** Several events in one POST per object (or separately, or reversed). */
  batch(events: MetaEvent[], options?: BatchOptions): Promise<BatchResult>;
  /** Escape hatch: any body (an object is serialised like Meta; a string is sent as is), signed. */
  deliver(body: unknown, options?: DeliveryOptions): Promise<Delivered<unknown>>;
  /** The subscription handshake against `<relaisUrl>/hooks/meta`. */
  verifyCallback(relaisUrl?: string, options?: { verifyToken?: string }): Promise<VerifyResult>;
  /** Resolves when no webhook (echoes and retries included) is in flight. */
  idle(): Promise<void>;

  failNext(input: FailNextInput): void;
  /** Every Graph call (or one Page's) fails with this throttle code until `unthrottle()`. */
  throttle(input: ThrottleInput): void;
  unthrottle(): void;
  /** Pin the usage percentages reported in headers; undefined returns to counting. */
  setUsage(override: UsageOverride | undefined): void;
  /** Later calls with this token fail with code 190, subcode 460. */
  revokeToken(token: string): void;
  /** Instagram's `content_publishing_limit` quota_total (default 25 per rolling 24 h). */
  setInstagramQuota(total: number): void;
  /** The Page's posts (published through the API or added), newest first. */
  pagePosts(pageId: string): PostRecord[];
  /** The Instagram media of the Page's account, newest first. */
  instagramMedia(pageId: string): MediaRecord[];

  readonly sent: readonly SentMessage[];
  readonly replies: readonly PublicReply[];
  readonly hidden: readonly HideRecord[];
  readonly deleted: readonly DeleteRecord[];
  readonly likes: readonly LikeRecord[];
  readonly calls: readonly GraphCall[];
  readonly deliveries: readonly Delivery[];
  /**
   * Back to a fresh sandbox: records, faults, throttle, clock offset, echoes and the world.
   * With `keepSetup`, Pages, users, posts and media stay (comments and messages go).
   */
  reset(options?: { keepSetup?: boolean }): void;
}
