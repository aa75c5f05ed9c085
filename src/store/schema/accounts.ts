/** Installation and workspace tables: people, sessions, invitations, tokens. */

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
  /** Which routes the token may call on top of its role (migration 0013). */
  scope: 'read' | 'write' | 'admin';
  expires_at: number | null;
  last_used_ip: string | null;
}

/**
 * Attempt counters of the throttles (sign-in per email and per IP, password changes):
 * installation-level, one row per key and fixed window, so a restart keeps them.
 */
export interface ThrottleCountersTable {
  /** SHA-256 of the key (`sign-in:email:…`), so no email or IP is stored. */
  key: string;
  window_start: number;
  count: number;
}
