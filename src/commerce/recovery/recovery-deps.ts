import { mayMessageAutomatically, sendReply, type InboxDeps } from '../../inbox/index.ts';
import type { Clock, Logger, Sealer } from '../../kernel/index.ts';
import type { Bus } from '../../realtime/index.ts';
import type { Db } from '../../store/index.ts';
import type { ShopAdapter } from '../shop-adapter.ts';

/**
 * What cart recovery needs, handed in by the composition root: its own storage and two ports
 * on the inbox (write in a conversation, ask its channel's policy), not the inbox itself.
 */
export interface RecoveryDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  bus: Bus;
  /** Opens the shop's stored credentials, for promo codes. */
  sealer: Sealer;
  /** Sends the recovery message as a private reply, once per key; throws `channel.*` when the policy refuses. */
  reply: (workspaceId: string, conversationId: string, message: { text: string; idempotencyKey: string }) => Promise<{ messageId: string }>;
  /** Whether the channel's policy lets an automated message into this conversation now. */
  mayMessage: (workspaceId: string, conversationId: string) => Promise<boolean>;
  /** The shop connector of a platform ('shopify', 'woocommerce'), for promo codes. */
  shops: (platform: string) => ShopAdapter | undefined;
  /** Told once when a checkout becomes abandoned, with the conversation it would be recovered in. */
  cartAbandoned?: ((workspaceId: string, conversationId: string, checkoutId: string) => Promise<void> | void) | undefined;
}

/**
 * Recovery's ports over the inbox: a private reply through `sendReply` (as the automation,
 * so the agents see who wrote it) and the inbox's automated-message policy.
 *
 * @example const recovery = recoveryDepsFrom(inbox, { shops: (p) => shopAdapters.get(p), cartAbandoned });
 */
export function recoveryDepsFrom(inbox: InboxDeps, rest: Pick<RecoveryDeps, 'shops' | 'cartAbandoned'>): RecoveryDeps {
  return {
    db: inbox.db, clock: inbox.clock, logger: inbox.logger, bus: inbox.bus, sealer: inbox.sealer, ...rest,
    reply: (workspaceId, conversationId, message) => sendReply(inbox, workspaceId, { type: 'rule', id: null }, conversationId, { ...message, visibility: 'private' }),
    mayMessage: (workspaceId, conversationId) => mayMessageAutomatically(inbox, workspaceId, conversationId),
  };
}

export type RecoveryReason = 'sent' | 'disabled' | 'ordered' | 'already_sent' | 'opted_out' | 'no_channel' | 'window_closed' | 'quiet_hours';

export interface RecoveryOutcome {
  outcome: 'sent' | 'skipped';
  reason: RecoveryReason;
  conversationId: string | null;
  messageId: string | null;
  promoCode: string | null;
}
