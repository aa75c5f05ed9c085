/** Contests, their entries and draws, and ambassadors (migration 0015). */
export interface ContestsTable {
  workspace_id: string;
  id: string;
  name: string;
  rules_text: string;
  starts_at: number;
  ends_at: number;
  winners_count: number;
  alternates_count: number;
  keyword: string | null;
  min_tags: number;
  include_x_mentions: number;
  excluded_handles: string; // JSON array of handles (without @)
  seed_sealed: string; // never leaves the server before the draw
  commitment: string; // sha256 of the seed's 64 hex characters
  status: 'open' | 'drawn';
  retention_months: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  purged_at: number | null;
}

export interface ContestPostsTable {
  workspace_id: string;
  contest_id: string;
  post_id: string; // posts.id: a post picked from the channel, or one Relais published
  channel_id: string;
  network: 'facebook' | 'instagram' | 'x';
  created_at: number;
}

export interface ContestEntriesTable {
  workspace_id: string;
  contest_id: string;
  id: string;
  network: string;
  channel_id: string;
  conversation_id: string;
  contact_id: string | null;
  author_name: string | null;
  text: string;
  entered_at: number;
  eligible: number;
  reason: string | null;
  updated_at: number;
}

export interface ContestDrawsTable {
  workspace_id: string;
  contest_id: string;
  entries_csv: string;
  entries_hash: string;
  seed: string;
  picks: string; // JSON
  announcement: string;
  drawn_by: string | null;
  drawn_at: number;
}

export interface ContestWinnersTable {
  workspace_id: string;
  contest_id: string;
  entry_id: string;
  role: 'winner' | 'alternate';
  rank: number;
  contact_id: string | null;
  conversation_id: string | null;
  notice: 'pending' | 'sent' | 'queued' | 'failed' | 'impossible';
  notice_reason: string | null;
  message_id: string | null;
  updated_at: number;
}

export interface ContestExclusionsTable {
  workspace_id: string;
  contact_id: string;
  kind: 'blocked' | 'team';
  created_at: number;
}

export interface AmbassadorSettingsTable {
  workspace_id: string;
  threshold: number;
  updated_at: number;
}

export interface AmbassadorCodesTable {
  workspace_id: string;
  contact_id: string;
  promo_code_id: string;
  created_at: number;
}

export interface ReactionsByAuthorTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  surface: string;
  target_external_id: string;
  author_external_id: string;
  reaction: string;
  created_at: number;
}
