/** The inbox's tables: channels, contacts, conversations, messages and what hangs off them, plus webhook intake, outbound, audit and jobs. */
import type { Generated } from 'kysely';

export interface ChannelsTable {
  workspace_id: string;
  id: string;
  kind: string;
  name: string;
  external_id: string | null;
  settings: string; // JSON
  secrets: string | null; // sealed JSON
  status: 'active' | 'needs_reconnect' | 'disabled';
  created_at: number;
  updated_at: number;
}

export interface ContactsTable {
  workspace_id: string;
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  avatar_url: string | null;
  created_at: number;
  updated_at: number;
  /** Set when the customer wrote STOP or an agent recorded the refusal: no recovery messages. */
  opted_out_at?: number | null;
  opt_out_source?: 'customer' | 'agent' | null;
}

export interface IdentitiesTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  channel_id: string;
  external_id: string;
  handle: string | null;
  display_name: string | null;
  created_at: number;
}

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';

export interface ConversationsTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  contact_id: string | null;
  kind: 'public' | 'private';
  status: ConversationStatus;
  external_thread_id: string | null;
  subject: string | null;
  assignee_id: string | null;
  priority: number;
  snoozed_until: number | null;
  last_message_at: number | null;
  created_at: number;
  updated_at: number;
  post_id: string | null;
  last_inbound_at: number | null;
  linked_conversation_id: string | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  worst_sentiment: 'negative' | 'neutral' | 'positive' | null;
}

export interface MessagesTable {
  seq: Generated<number>; // arrival order; the SQLite rowid, which full-text search indexes
  workspace_id: string;
  id: string;
  conversation_id: string;
  channel_id: string;
  direction: 'in' | 'out';
  kind: 'message' | 'comment' | 'note';
  author_type: 'contact' | 'user' | 'brand' | 'bot';
  author_id: string | null;
  text: string;
  external_id: string | null;
  attachments: string; // JSON array
  meta: string; // JSON object
  platform_created_at: number | null;
  created_at: number;
  status: Generated<'visible' | 'hidden' | 'deleted'>;
  edited_at: number | null;
  platform_updated_at: number | null;
  reply_to_external_id: string | null;
  language: string | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  sentiment_score: number | null;
  intents: string | null; // JSON array of intent keys, e.g. ["complaint", "order_issue/delivery"]
  classified_by: 'model' | 'agent' | null;
}

/** Installation-level: a webhook names an account before we know the workspace. */
export interface ChannelRoutesTable {
  provider: string;
  account_id: string;
  workspace_id: string;
  channel_id: string;
}

export interface MessageRevisionsTable {
  workspace_id: string;
  id: string;
  message_id: string;
  text: string;
  status: 'visible' | 'hidden' | 'deleted';
  source: 'platform' | 'user' | 'rule';
  created_at: number;
}

export interface PostsTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  external_id: string;
  text: string | null;
  permalink: string | null;
  reactions: string; // JSON { like: 3, love: 1 }
  created_at: number;
  updated_at: number;
}

export interface ModerationLogTable {
  workspace_id: string;
  id: string;
  message_id: string;
  conversation_id: string;
  action: 'hide' | 'unhide' | 'delete';
  actor_type: 'user' | 'token' | 'rule' | 'platform';
  actor_id: string | null;
  reason: string | null;
  clause: string | null;
  snapshot: string;
  created_at: number;
}

export interface LabelsTable {
  workspace_id: string;
  id: string;
  name: string;
  color: string;
  created_at: number;
}

export interface ConversationLabelsTable {
  workspace_id: string;
  conversation_id: string;
  label_id: string;
  created_at: number;
}

export interface CannedRepliesTable {
  workspace_id: string;
  id: string;
  shortcut: string;
  title: string;
  body: string;
  created_at: number;
  updated_at: number;
}

export interface ContactNotesTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  author_id: string | null;
  text: string;
  created_at: number;
}

export interface ClassificationCorrectionsTable {
  workspace_id: string;
  id: string;
  message_id: string;
  text: string;
  language: string | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  intents: string | null;
  author_id: string | null;
  created_at: number;
}

export interface WorkspaceModelsTable {
  workspace_id: string;
  version: number;
  model: string;
  examples: number;
  summary: string; // JSON: what admins see (examples, measured macro-F1, active parts)
  trained_at: number;
}

/** A webhook delivery as received, before it is routed: installation-level. */
export interface InboundEventsTable {
  id: string;
  provider: string;
  dedupe_key: string;
  workspace_id: string | null;
  channel_id: string | null;
  headers: string; // JSON
  body: string;
  status: 'received' | 'processed' | 'parked' | 'ignored';
  attempts: number;
  error: string | null;
  received_at: number;
  processed_at: number | null;
}

export interface OutboundTable {
  workspace_id: string;
  id: string;
  message_id: string;
  conversation_id: string;
  channel_id: string;
  idempotency_key: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  failure_kind: 'transient' | 'rate_limited' | 'auth' | 'permanent' | null;
  failure_reason: string | null;
  attempts: number;
  platform_id: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  /** JSON: the OutboundAction plus who asked (`actor`) and why (`reason`). */
  action: string;
  action_type: 'message' | 'private_reply' | 'public_reply' | 'hide' | 'unhide' | 'delete' | 'like';
  /** The comment or person the action is aimed at (one private reply per comment). */
  target_external_id: string | null;
}

export interface AuditLogTable {
  workspace_id: string;
  id: string;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: string; // JSON
  ip: string | null;
  created_at: number;
}

/** The embedded job queue's table (the PostgreSQL deployment uses pg-boss's own schema). */
export interface JobsTable {
  id: string;
  queue: string;
  payload: string; // JSON
  state: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
  run_at: number;
  locked_until: number | null;
  singleton_key: string | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}
