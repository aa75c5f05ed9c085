import type { ConnectSpec } from '../channels/index.ts';
import type { ShopAdapter, ShopCheckout, ShopCustomer, ShopOrder } from './shop-adapter.ts';

/** What one webhook delivery means once a connector has read it. */
export type ShopEvent =
  | { type: 'order'; order: ShopOrder }
  | { type: 'checkout'; checkout: ShopCheckout }
  | { type: 'customer'; customer: ShopCustomer }
  | { type: 'coupon'; code: string; externalId: string; expiresAt: number | null }
  | { type: 'privacy'; topic: 'customers/data_request' | 'customers/redact' | 'shop/redact' }
  | { type: 'ignored'; reason: string };

/** Flags as given to `relais channel add <platform>` (or the console form). */
export type ShopConnectFlags = Record<string, string | undefined>;

/** What connecting yields: the same shape as a channel provider's, stored by `addChannel`. */
export type ShopConnectSpec = ConnectSpec;

/**
 * A shop platform as the intake, reconciliation and setup see it: the `ShopAdapter` calls
 * plus reading webhook topics. Each platform folder exports one.
 */
export interface ShopPlatform extends ShopAdapter {
  /** Reads one delivery of `topic`; throws on a body it cannot read (the delivery is parked). */
  parseWebhook(topic: string, body: string): ShopEvent;
  /** Checks the flags and the credentials against the shop API; what to store. */
  connect(flags: ShopConnectFlags): Promise<ShopConnectSpec>;
}
