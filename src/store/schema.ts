/**
 * Row shapes of every table, as Kysely sees them. Times are epoch milliseconds (bigint in
 * PostgreSQL, read back as numbers), flags are 0/1 integers and structured data is JSON
 * text, so both dialects return the same values.
 */
import type { Generated } from 'kysely';

export type Role = 'owner' | 'admin' | 'agent' | 'community_manager';

export interface InstallationSettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  locale: string;
  timezone: string;
  created_at: number;
}

/** A person, across workspaces: installation-level, like sessions. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  created_at: number;
  password_changed_at: number;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: number;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie value
  user_id: string;
  workspace_id: string | null; // the workspace the browser is looking at
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface InvitationsTable {
  workspace_id: string;
  id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

export interface ApiTokensTable {
  workspace_id: string;
  id: string;
  name: string;
  token_hash: string;
  role: Role;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

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

/** A shop's customer (Shopify customer, WooCommerce customer or guest billing email). */
export interface ShopCustomersTable {
  workspace_id: string;
  id: string;
  channel_id: string; // the shop channel
  external_id: string; // the shop's id, as a string (64-bit ids)
  email: string | null; // lower-cased
  phone: string | null; // E.164 when it could be normalised
  first_name: string | null;
  last_name: string | null;
  accepts_marketing: number; // 0 | 1
  contact_id: string | null;
  link_method: 'email' | 'phone' | 'identify' | 'order_number' | 'agent' | null;
  created_at: number;
  updated_at: number;
}

export type OrderStatus = 'open' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';

export interface OrdersTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  external_id: string;
  number: string; // what the customer sees: '#1001' (Shopify name) or '1001' (Woo number)
  shop_customer_id: string | null;
  contact_id: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  total_cents: number;
  status: OrderStatus;
  financial_status: string | null; // the platform's own words
  fulfillment_status: string | null;
  items: string; // JSON array of { title, quantity, priceCents, sku }
  tracking_url: string | null;
  discount_codes: string; // JSON array of codes as typed (upper-cased)
  landing_site: string | null;
  referring_site: string | null;
  checkout_token: string | null;
  cart_token: string | null;
  placed_at: number;
  platform_updated_at: number | null;
  cancelled_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface CheckoutsTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  token: string; // Shopify checkout token (the key, not `id`); Woo has no checkouts webhook
  cart_token: string | null;
  shop_customer_id: string | null;
  contact_id: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  total_cents: number;
  items: string; // JSON, as orders
  recovery_url: string | null; // abandoned_checkout_url
  completed_at: number | null;
  order_id: string | null;
  platform_created_at: number;
  platform_updated_at: number;
  abandoned_at: number | null; // set by the recovery job once the delay has passed
  created_at: number;
  updated_at: number;
}

export interface PromoCodesTable {
  workspace_id: string;
  id: string;
  channel_id: string; // the shop it is valid on
  code: string; // upper-cased
  origin: 'relais' | 'mapped'; // created by Relais through the shop API, or an existing code mapped by an admin
  percent: number | null;
  expires_at: number | null;
  external_id: string | null; // price rule / coupon id at the shop
  source_channel_id: string | null; // the social channel it is tied to
  post_id: string | null;
  agent_id: string | null;
  conversation_id: string | null;
  checkout_id: string | null;
  created_at: number;
}

export type AttributionModel = 'promo_code' | 'utm' | 'conversation_assisted';

export interface OrderAttributionsTable {
  workspace_id: string;
  order_id: string;
  model: AttributionModel;
  source_channel_id: string | null;
  source_channel_kind: string | null; // 'meta', 'x', 'webchat', or a utm_source such as 'facebook'
  agent_id: string | null;
  conversation_id: string | null;
  promo_code_id: string | null;
  detail: string; // JSON: why (the code, the utm tags, the conversation and its last message time)
  revenue_cents: number;
  currency: string;
  placed_at: number;
  created_at: number;
}

export interface RecoveryDecisionsTable {
  workspace_id: string;
  id: string;
  checkout_id: string;
  conversation_id: string | null;
  outcome: 'sent' | 'skipped';
  /** 'sent', or why not: 'ordered', 'opted_out', 'no_channel', 'window_closed', 'quiet_hours', 'already_sent', 'disabled'. */
  reason: string;
  message_id: string | null;
  promo_code_id: string | null;
  created_at: number;
}

/** A site-chat visitor: anonymous until the shop's page identifies them (verified by HMAC or not). */
export interface WebchatVisitorsTable {
  workspace_id: string;
  id: string; // the visitor id, also the identity's external id on the webchat channel
  channel_id: string;
  contact_id: string | null;
  identity_status: 'anonymous' | 'unverified' | 'verified';
  email: string | null;
  name: string | null;
  customer_id: string | null; // the shop's customer id, from a verified identify
  cart_token: string | null;
  visitor_read_at: number | null;
  agent_read_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A file a visitor attached (image or PDF), base64 in `data`, served by capability URL. */
export interface WebchatUploadsTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  visitor_id: string;
  access_key: string;
  name: string;
  content_type: string;
  size: number;
  data: string;
  created_at: number;
}

/** An automation rule's current version; `body` is JSON { event, conditions, actions, stop }. */
export interface RulesTable {
  workspace_id: string;
  id: string;
  name: string;
  version: number;
  position: number;
  enabled: number; // 0 | 1
  event: string;
  body: string;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}

/** Every saved version of a rule, so "rule 'Insultes' v3" can be looked up later. */
export interface RuleVersionsTable {
  workspace_id: string;
  rule_id: string;
  version: number;
  name: string;
  body: string;
  created_at: number;
  created_by: string | null;
}

/** One rule firing on one event; written before its actions run, completed after. */
export interface RuleFiringsTable {
  workspace_id: string;
  id: string;
  event_key: string; // e.g. 'message_received:<message id>'
  position: number; // order within the event's chain
  rule_id: string;
  rule_version: number;
  rule_name: string;
  event: string;
  conversation_id: string;
  message_id: string | null;
  actions: string; // JSON Action[]
  outcomes: string | null; // JSON ActionOutcome[], null until carried out
  created_at: number;
  completed_at: number | null;
}

export interface NotificationsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  kind: string; // 'rule'
  source_key: string; // what caused it, unique per user (a retried job tells nobody twice)
  conversation_id: string | null;
  message_id: string | null;
  data: string; // JSON
  created_at: number;
  read_at: number | null;
}

/** Versioned workspace settings: key 'charter' or 'voice', value JSON. */
export interface WorkspaceSettingsTable {
  workspace_id: string;
  key: string;
  version: number;
  value: string;
  created_at: number;
  created_by: string | null;
}

/** Business hours and SLA policies of a workspace (`channel_id` '') or of one channel. */
export interface CareSettingsTable {
  workspace_id: string;
  channel_id: string;
  business_hours: string | null; // JSON, read through the care schemas
  sla_policies: string | null; // JSON
  updated_at: number;
}

export type RoutingMode = 'round_robin' | 'least_loaded';

export interface TeamsTable {
  workspace_id: string;
  id: string;
  name: string;
  mode: RoutingMode;
  channel_ids: string; // JSON array of the channels the team serves
  is_default: number; // 0 | 1: serves channels no other team names
  created_at: number;
  updated_at: number;
}

export interface TeamMembersTable {
  workspace_id: string;
  team_id: string;
  user_id: string;
  capacity: number; // open and pending conversations at most
  last_assigned_seq: number; // routing_locks.seq of this member's latest assignment (round-robin order)
  created_at: number;
}

export type Availability = 'online' | 'away' | 'offline';

export interface AgentAvailabilityTable {
  workspace_id: string;
  user_id: string;
  status: Availability;
  updated_at: number;
}

/** One row per workspace: assignment takes it first, so capacity checks never race. */
export interface RoutingLocksTable {
  workspace_id: string;
  seq: number;
}

/** A conversation's measured response and resolution times, for reports. */
export interface ConversationSlaTable {
  workspace_id: string;
  conversation_id: string;
  first_response_at: number | null;
  first_response_business_ms: number | null;
  first_response_calendar_ms: number | null;
  first_response_breached: number | null;
  responses: number;
  response_business_ms: number;
  response_calendar_ms: number;
  responses_breached: number;
  resolved_at: number | null;
  resolution_business_ms: number | null;
  resolution_calendar_ms: number | null;
  resolution_breached: number | null;
  updated_at: number;
}

/** An SLA transition already announced: one row per target, due time and event. */
export interface SlaEscalationsTable {
  workspace_id: string;
  conversation_id: string;
  target: 'first_response' | 'next_response' | 'resolution';
  due_at: number;
  event: 'sla_due_soon' | 'sla_breached';
  fired_at: number;
}
/** Cart recovery, per workspace (absent row: disabled, defaults). */
export interface RecoverySettingsTable {
  workspace_id: string;
  enabled: number; // 0 | 1
  delay_minutes: number;
  template_fr: string;
  template_en: string;
  promo_percent: number | null; // null: no promo code
  promo_expiry_days: number;
  quiet_start: string; // 'HH:MM' local
  quiet_end: string;
  timezone: string;
  attribution_days: Generated<number>; // conversation-assisted look-back, default 3
  updated_at: number;
}

/** A privacy export (GDPR access request), kept for admins to download; erased with its subject. */
export interface PrivacyExportsTable {
  workspace_id: string;
  id: string;
  source: 'admin' | 'shop';
  topic: string; // 'customers/data_request' or 'contact/export'
  contact_ids: string; // JSON array
  data: string; // JSON: the export itself
  requested_by: string | null;
  created_at: number;
}

export interface Database {
  installation_settings: InstallationSettingsTable;
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  channels: ChannelsTable;
  contacts: ContactsTable;
  identities: IdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  inbound_events: InboundEventsTable;
  outbound: OutboundTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  message_revisions: MessageRevisionsTable;
  channel_routes: ChannelRoutesTable;
  posts: PostsTable;
  moderation_log: ModerationLogTable;
  labels: LabelsTable;
  conversation_labels: ConversationLabelsTable;
  canned_replies: CannedRepliesTable;
  contact_notes: ContactNotesTable;
  classification_corrections: ClassificationCorrectionsTable;
  workspace_models: WorkspaceModelsTable;
  shop_customers: ShopCustomersTable;
  orders: OrdersTable;
  checkouts: CheckoutsTable;
  promo_codes: PromoCodesTable;
  order_attributions: OrderAttributionsTable;
  recovery_decisions: RecoveryDecisionsTable;
  webchat_visitors: WebchatVisitorsTable;
  webchat_uploads: WebchatUploadsTable;
  rules: RulesTable;
  rule_versions: RuleVersionsTable;
  rule_firings: RuleFiringsTable;
  notifications: NotificationsTable;
  workspace_settings: WorkspaceSettingsTable;
  care_settings: CareSettingsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  agent_availability: AgentAvailabilityTable;
  routing_locks: RoutingLocksTable;
  conversation_sla: ConversationSlaTable;
  sla_escalations: SlaEscalationsTable;
  recovery_settings: RecoverySettingsTable;
  privacy_exports: PrivacyExportsTable;
}
