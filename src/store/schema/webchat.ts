/** The site chat's visitors and their uploads. */

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
