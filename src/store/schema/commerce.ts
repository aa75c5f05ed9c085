/** Shops beside the inbox: customers, orders, checkouts, promo codes, attribution, recovery and privacy exports. */
import type { Generated } from 'kysely';

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
  /** The Relais post that brought the order (its code or utm_content), and its campaign (0014). */
  post_id: string | null;
  campaign: string | null;
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
