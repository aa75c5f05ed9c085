/** Care: automation rules and their firings, notifications, workspace settings, routing and SLA. */

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
