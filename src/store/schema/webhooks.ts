/** Outgoing webhooks (migration 0018, ADR 0019). */
export interface WebhookSubscriptionsTable {
  workspace_id: string;
  id: string;
  url: string;
  description: string;
  /** JSON array of event types. */
  events: string;
  /** The `whsec_…` secret, sealed (kernel `Sealer`). */
  secret_sealed: string;
  /** After a rotation, the previous secret still signs until `previous_secret_until`. */
  previous_secret_sealed: string | null;
  previous_secret_until: number | null;
  enabled: number; // 0 | 1
  /** 'failing' when Relais turned it off after a day of failures; 'manual' when a person did. */
  disabled_reason: string | null;
  /** The first failure since the last success; null while it works. */
  failing_since: number | null;
  last_success_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export type WebhookDeliveryState = 'pending' | 'sending' | 'retrying' | 'delivered' | 'failed';

/** One message to one subscription, with its latest attempt. */
export interface WebhookDeliveriesTable {
  workspace_id: string;
  id: string;
  subscription_id: string;
  /** The `webhook-id` header: the same for every attempt and replay of this message. */
  message_id: string;
  event_type: string;
  /** The exact JSON body sent (and signed). */
  body: string;
  state: WebhookDeliveryState;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  response_status: number | null;
  response_snippet: string | null;
  error: string | null;
  duration_ms: number | null;
  replay_of: string | null;
  created_at: number;
  updated_at: number;
}
