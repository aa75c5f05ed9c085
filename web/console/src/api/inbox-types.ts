// Inbox shapes from docs/api.md ("Inbox"), word for word, so a drift shows up as a type error.

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export type ConversationKind = 'public' | 'private';
export type Priority = 0 | 1 | 2 | 3;
export type Visibility = 'public' | 'private' | 'note';
export type Sentiment = 'negative' | 'neutral' | 'positive';

export interface Label {
  id: string;
  name: string;
  color: string;
}

export interface ConversationSummary {
  id: string;
  kind: ConversationKind;
  status: ConversationStatus;
  channel: { id: string; kind: string; name: string };
  /** The customer's network: facebook, instagram, messenger, x… */
  surface: string;
  contact: { id: string; name: string | null } | null;
  post: { text: string | null; permalink: string | null } | null;
  lastMessage: { text: string; direction: 'in' | 'out'; kind: 'message' | 'comment'; at: number } | null;
  lastMessageAt: number | null;
  lastInboundAt: number | null;
  waitingSince: number | null;
  assignee: { id: string; name: string } | null;
  labels: Label[];
  priority: Priority;
  snoozedUntil: number | null;
  createdAt: number;
  /** Of the latest customer message. */
  sentiment: Sentiment | null;
  /** The worst seen in the thread. */
  worstSentiment: Sentiment | null;
  /** When the customer must have a reply (the SLA clock); null when none is owed. */
  dueAt?: number | null;
  slaState?: 'ok' | 'due_soon' | 'breached' | 'met';
}

export interface Delivery {
  outboundId: string;
  action: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  failureKind: string | null;
  failureReason: string | null;
  sentAt: number | null;
}

export interface ModerationEntry {
  action: 'hide' | 'unhide' | 'delete';
  actorType: 'user' | 'token' | 'rule' | 'platform';
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  at: number;
}

export interface Attachment {
  type: string;
  url?: string;
  name?: string;
}

export interface Message {
  id: string;
  direction: 'in' | 'out';
  kind: 'message' | 'comment' | 'note';
  authorType: 'contact' | 'user' | 'brand' | 'bot';
  authorId: string | null;
  authorName: string | null;
  /** Customer text: rendered as text, never as HTML. */
  text: string;
  status: 'visible' | 'hidden' | 'deleted';
  externalId: string | null;
  attachments: Attachment[];
  editedAt: number | null;
  at: number;
  language: 'fr' | 'en' | 'other' | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  /** e.g. ['complaint', 'order_issue/delivery'] */
  intents: string[];
  classifiedBy: 'model' | 'agent' | null;
  /** surface, visibility, mentions… */
  meta: Record<string, unknown>;
  delivery: Delivery[];
  moderation: ModerationEntry[];
}

export interface ConversationDetail extends Omit<ConversationSummary, 'post'> {
  post: { text: string | null; permalink: string | null; reactions?: Record<string, number> } | null;
}

export interface PolicyView {
  allowed: boolean;
  code: string | null;
  reason: string | null;
  note: string | null;
  closesAt: number | null;
  maxLength: number;
  /** Counted the platform's way for the `?text=` asked about (X: links 23, emoji 2). */
  remaining: number;
}

export interface ComposerPolicy {
  public: PolicyView | null;
  private: PolicyView | null;
}

export interface MoveToPrivateResult {
  publicMessageId: string | null;
  privateConversationId: string;
  privateMessageId: string | null;
}

export interface ConversationPatch {
  status?: 'open' | 'pending' | 'resolved';
  assigneeId?: string | null;
  snoozedUntil?: number | null;
  priority?: Priority;
}

export interface CannedReply {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

export interface ContactDetail {
  contact: { id: string; name: string | null; email: string | null; phone: string | null };
  identities: { channel: { id: string; kind: string; name: string }; externalId: string; handle: string | null; displayName: string | null }[];
  conversations: { id: string; kind: ConversationKind; status: ConversationStatus; channelName: string; lastMessageAt: number | null }[];
  notes: { id: string; text: string; authorId: string | null; authorName: string | null; createdAt: number }[];
}

export interface Channel {
  id: string;
  kind: string;
  name: string;
  status: string;
  externalId: string;
}

/** docs/api.md says only `{ deliveries }`; these are the fields the server returns today. */
export interface InboundDelivery {
  id: string;
  provider: string;
  status: string;
  attempts: number;
  error: string | null;
  receivedAt: number;
  processedAt: number | null;
}

export interface PresenceUser {
  userId: string;
  name: string;
  conversationId: string | null;
  typing: boolean;
}
