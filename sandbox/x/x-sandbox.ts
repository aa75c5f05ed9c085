/** The X sandbox as tests and the demo drive it: a world, customer actions that send webhooks, the API's inspection arrays. */
import type { XFailNextInput } from './api/faults.ts';
import type { CrcResult } from './crc.ts';
import type { XApiCall, XModeration, XSentDm, XSentTweet } from './records.ts';
import type { XDelivery, XDeliveryOptions } from './webhook-sender.ts';
import type { XAccountInput, XAccountRecord, XDmRecord, XTweetRecord, XUserInput, XUserRecord } from './world.ts';

/** What a customer action did: the ids it made, the payload, Relais's answer (undefined when webhooks are off). */
export interface XActionResult {
  id: string;
  payload: unknown;
  status: number | undefined;
  delivery: XDelivery | undefined;
}

export interface XSandbox {
  readonly consumerSecret: string;
  /** Relais's X channel `api-base`: the sandbox's own URL (paths are `/2/…`). */
  readonly apiBase: string;
  readonly webhookUrl: string | undefined;
  /** `source_app_id` of what Relais sends. */
  readonly appId: string;

  addAccount(input: XAccountInput): XAccountRecord;
  addUser(input: XUserInput): XUserRecord;
  setRelaisUrl(url: string): void;
  /** Off: actions change the world but no webhook leaves (X's outage, for the back-fill). */
  webhooksEnabled(on: boolean): void;
  setEchoes(on: boolean): void;
  now(): number;
  advanceTime(ms: number): void;
  setQuota(endpoint: string, limit: number): void;

  /** A post by `from` naming the account (`@handle` is prepended when missing). */
  mention(input: { from: string; text: string; account?: string }, delivery?: XDeliveryOptions): Promise<XActionResult>;
  /** A reply by `from` to a post: X prefixes the parent's author and its leading @handles (not `from`). */
  reply(input: { from: string; inReplyTo: string; text: string; account?: string }, delivery?: XDeliveryOptions): Promise<XActionResult>;
  /** A post by the shop made outside Relais (X's app): its own event. */
  post(input: { text: string; account?: string }, delivery?: XDeliveryOptions): Promise<XActionResult>;
  dm(input: { from: string; text: string; account?: string }, delivery?: XDeliveryOptions): Promise<XActionResult>;
  like(input: { from: string; tweetId: string; account?: string }, delivery?: XDeliveryOptions): Promise<XActionResult>;
  deleteTweet(input: { id: string; account?: string }, delivery?: XDeliveryOptions): Promise<XActionResult>;
  /** An object is serialised as X does; a string is sent byte for byte. Both are signed. */
  deliver(body: unknown, delivery?: XDeliveryOptions): Promise<XDelivery>;
  /** X's CRC against `<relaisUrl>/hooks/x`. */
  crc(relaisUrl?: string): Promise<CrcResult>;
  /** Resolves once no webhook (echoes included) is in flight. */
  idle(): Promise<void>;

  failNext(input: XFailNextInput): void;
  tweet(id: string): XTweetRecord | undefined;
  readonly tweets: XSentTweet[];
  readonly dms: XSentDm[];
  readonly hidden: XModeration[];
  readonly deleted: XModeration[];
  readonly likes: XModeration[];
  readonly calls: XApiCall[];
  readonly deliveries: XDelivery[];
  /** Every DM in the world, both directions. */
  readonly allDms: XDmRecord[];
  reset(options?: { keepSetup?: boolean }): void;
}
