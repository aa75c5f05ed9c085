/**
 * Row shapes of every table, as Kysely sees them. Times are epoch milliseconds (bigint in
 * PostgreSQL, read back as numbers), flags are 0/1 integers and structured data is JSON
 * text, so both dialects return the same values.
 */
import type { ApiTokensTable, InstallationSettingsTable, InvitationsTable, MembershipsTable, SessionsTable, ThrottleCountersTable, UsersTable, WorkspacesTable } from './schema/accounts.ts';
import type { AuditLogTable, CannedRepliesTable, ChannelRoutesTable, ChannelsTable, ClassificationCorrectionsTable, ContactNotesTable, ContactsTable, ConversationLabelsTable, ConversationsTable, IdentitiesTable, InboundEventsTable, JobsTable, LabelsTable, MessageRevisionsTable, MessagesTable, ModerationLogTable, OutboundTable, PostsTable, WorkspaceModelsTable } from './schema/inbox.ts';
import type { CheckoutsTable, OrderAttributionsTable, OrdersTable, PrivacyExportsTable, PromoCodesTable, RecoveryDecisionsTable, RecoverySettingsTable, ShopCustomersTable } from './schema/commerce.ts';
import type { WebchatUploadsTable, WebchatVisitorsTable } from './schema/webchat.ts';
import type { PeriodicRunsTable, RealtimeEventsTable, RealtimeSequencesTable } from './schema/scale.ts';
import type { ConversationStatusChangesTable, ReportConversationsTable, ReportDailyTable, ReportDirtyTable, ReportExportChunksTable, ReportExportsTable, ReportResponsesTable } from './schema/reports.ts';
import type { AgentAvailabilityTable, CareSettingsTable, ConversationSlaTable, NotificationsTable, RoutingLocksTable, RuleFiringsTable, RuleVersionsTable, RulesTable, SlaEscalationsTable, TeamMembersTable, TeamsTable, WorkspaceSettingsTable } from './schema/care.ts';

export * from './schema/accounts.ts';
export * from './schema/inbox.ts';
export * from './schema/commerce.ts';
export * from './schema/webchat.ts';
export * from './schema/care.ts';
export * from './schema/scale.ts';
export * from './schema/reports.ts';

export interface Database {
  realtime_sequences: RealtimeSequencesTable;
  realtime_events: RealtimeEventsTable;
  periodic_runs: PeriodicRunsTable;
  installation_settings: InstallationSettingsTable;
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  throttle_counters: ThrottleCountersTable;
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
  report_dirty: ReportDirtyTable;
  conversation_status_changes: ConversationStatusChangesTable;
  report_conversations: ReportConversationsTable;
  report_responses: ReportResponsesTable;
  report_daily: ReportDailyTable;
  report_exports: ReportExportsTable;
  report_export_chunks: ReportExportChunksTable;
}
