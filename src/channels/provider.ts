import type { InboundItem } from './inbound-item.ts';

/** A webhook request as received: the raw bytes, before any JSON parsing. */
export interface WebhookRequest {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
}

/** Installation-level secrets (app secrets, verify tokens), from env or owner settings. */
export interface InstallationSecrets {
  get(name: 'metaAppSecret' | 'metaVerifyToken' | 'xConsumerSecret' | 'shopifyAppSecret' | 'shopifyAppSecretPrevious' | 'webchatKey'): string | undefined;
}

/** A connected channel as a provider needs it to call the platform. */
export interface ChannelContext {
  id: string;
  workspaceId: string;
  externalId: string | null;
  apiBase: string;
  /** Decrypted credentials (page token, …). */
  credentials: Record<string, string>;
  settings: Record<string, unknown>;
}

export type OutboundAction =
  | { type: 'message'; surface: string; recipientExternalId: string; text: string; tag: 'none' | 'human_agent'; metadata: string }
  | { type: 'private_reply'; surface: string; commentExternalId: string; text: string; metadata: string }
  | { type: 'public_reply'; surface: string; commentExternalId: string; text: string }
  | { type: 'hide' | 'unhide' | 'delete' | 'like'; surface: string; commentExternalId: string };

export type FailureKind = 'transient' | 'rate_limited' | 'auth' | 'permanent';

export type SendOutcome =
  | {
    ok: true;
    platformId: string | null;
    /** The person's private-message id when a private reply opened a thread (links the commenter). */
    recipientExternalId?: string | undefined;
  }
  | {
    ok: false;
    kind: FailureKind;
    reason: string;
    retryAfterMs?: number | undefined;
    /** The request may have acted before its answer was lost (a time-out): reconcile first. */
    uncertain?: boolean | undefined;
  };

/** What a send policy looks at, read from the conversation. */
export interface PolicyFacts {
  surface: string;
  /** The customer's last message in the conversation (epoch ms). */
  lastInboundAt: number | null;
  /** For a private reply: when the comment was written, and whether it already got one. */
  comment?: { createdAt: number | null; privateReplyUsed: boolean } | undefined;
  textLength: number;
  /** The text itself, for platforms that weigh characters (X counts URLs as 23, emoji as 2). */
  text?: string | undefined;
}

export type PolicyDecision =
  | { ok: true; tag: 'none' | 'human_agent'; closesAt: number | null; note: string | null }
  | { ok: false; code: 'channel.window_closed' | 'channel.policy_refused' | 'message.too_long'; reason: string; closedAt: number | null };

/** What connecting a channel yields, once the provider has checked its credentials. */
export interface ConnectSpec {
  name: string;
  externalId: string;
  accountIds: string[];
  apiBase: string;
  credentials: Record<string, string>;
  settings: Record<string, unknown>;
}

/**
 * What a provider folder (`meta/`, `x/`, …) offers. The webhook route, the processing job
 * and the sender call only this; no core code switches on provider names.
 */
export interface ChannelProvider {
  /** The `/hooks/<provider>` path segment and `channels.kind`. */
  readonly provider: string;
  /** Whether a comment can be answered by a private message tied to it (Meta yes, X no). */
  readonly privateReplies: boolean;
  /** Answers the platform's GET challenge, when it has one. */
  handshake?(query: Record<string, unknown>, secrets: InstallationSecrets): { status: number; body: string; contentType?: string };
  /** Checks the signature over the raw bytes, in constant time. */
  verify(request: WebhookRequest, secrets: InstallationSecrets): boolean;
  /** The same for every redelivery of one delivery. */
  dedupeKey(request: WebhookRequest): string;
  /** The page, account or shop ids a delivery concerns, to route it before processing. */
  accountIds(body: string): string[];
  /** Parses a stored delivery; throws on a body it cannot read (the delivery is parked). */
  parse(body: string): InboundItem[];
  /** Checks credentials and subscribes to the platform's webhooks; flags as given to `relais channel add`. */
  connect(flags: Record<string, string | undefined>): Promise<ConnectSpec>;
  /** How much of a reply's length budget `text` uses on a surface, counted the platform's way. */
  measure(surface: string, action: 'message' | 'private_reply' | 'public_reply', text: string): { used: number; max: number };
  /** Whether an action may be sent now, and how (a message tag); checked before queueing and again before sending. */
  policy(facts: PolicyFacts, action: OutboundAction['type'], now: number): PolicyDecision;
  /** Performs one outbound action against the platform API. */
  send(channel: ChannelContext, action: OutboundAction): Promise<SendOutcome>;
  /**
   * Pulls what webhooks may have missed (X retries nothing below its enterprise tier): the
   * items since `cursor`, and the cursor to start from next time. Items already stored are
   * deduplicated by ingestion, so overlap is harmless.
   */
  backfill?(channel: ChannelContext, cursor: string | null): Promise<{ items: InboundItem[]; cursor: string | null }>;
  /** The person's name and handle, when a payload did not carry them. */
  profile?(channel: ChannelContext, surface: string, externalId: string): Promise<{ name?: string | undefined; handle?: string | undefined } | null>;
  /**
   * After a send whose answer was lost (time-out), asks the platform whether it happened:
   * the platform id when it did, null when it did not.
   */
  reconcile?(channel: ChannelContext, action: OutboundAction): Promise<string | null>;
}
