import type { InboxDeps } from '../../inbox/index.ts';
import type { ShopAdapter } from '../shop-adapter.ts';

/** What cart recovery needs, handed in by the composition root. */
export interface RecoveryDeps {
  inbox: InboxDeps;
  /** The shop connector of a platform ('shopify', 'woocommerce'), for promo codes. */
  shops: (platform: string) => ShopAdapter | undefined;
  /** Told once when a checkout becomes abandoned, with the conversation it would be recovered in. */
  cartAbandoned?: ((workspaceId: string, conversationId: string, checkoutId: string) => Promise<void> | void) | undefined;
}

export type RecoveryReason = 'sent' | 'disabled' | 'ordered' | 'already_sent' | 'opted_out' | 'no_channel' | 'window_closed' | 'quiet_hours';

export interface RecoveryOutcome {
  outcome: 'sent' | 'skipped';
  reason: RecoveryReason;
  conversationId: string | null;
  messageId: string | null;
  promoCode: string | null;
}
