/** Publishing tables (migration 0014). */
export type PublishNetwork = 'facebook' | 'instagram' | 'x' | 'pinterest';
export type PostStatus = 'draft' | 'pending_approval' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'deleted';
export type VersionStatus = 'draft' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'deleted';

export interface PubPostsTable {
  workspace_id: string;
  id: string;
  author_id: string;
  campaign: string | null;
  link: string | null;
  status: PostStatus;
  approval: 'none' | 'pending' | 'approved' | 'changes_requested';
  review_comment: string | null;
  scheduled_at: number | null;
  deal: string | null; // JSON
  promo_code: string | null;
  created_at: number;
  updated_at: number;
}

export interface PubVersionsTable {
  workspace_id: string;
  id: string;
  post_id: string;
  network: PublishNetwork;
  channel_id: string;
  text: string;
  title: string | null;
  board_id: string | null;
  media_ids: string; // JSON string[]
  status: VersionStatus;
  due_at: number | null;
  lease_until: number | null;
  attempts: number;
  attempt_started_at: number | null;
  container_id: string | null;
  platform_id: string | null;
  permalink: string | null;
  failure_kind: string | null;
  failure_reason: string | null;
  /** The text folded for repeat detection (case, accents, spaces, links). */
  text_key: string;
  published_at: number | null;
  next_poll_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface PubMediaTable {
  workspace_id: string;
  id: string;
  access_key: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  data: string; // base64
  created_by: string;
  created_at: number;
}

export interface PubMetricsTable {
  workspace_id: string;
  version_id: string;
  at: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  impressions: number;
  clicks: number;
}

export interface PubSettingsTable {
  workspace_id: string;
  approval_required: number;
  rhythm: string; // JSON { facebook: 2, … }
  updated_at: number;
}
