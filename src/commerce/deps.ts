import type { Clock, Logger, Sealer } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Queue } from '../jobs/index.ts';
import type { Bus } from '../realtime/index.ts';
import type { ShopPlatform } from './shop-event.ts';

/** Called after an order or a checkout was written (attribution, cart recovery); errors are logged, never fatal. */
export interface CommerceHooks {
  onOrderUpserted?: ((workspaceId: string, orderId: string) => Promise<void>) | undefined;
  onCheckoutUpserted?: ((workspaceId: string, checkoutId: string) => Promise<void>) | undefined;
}

/** What the commerce use-cases need, handed in by the composition root. */
export interface CommerceDeps {
  db: Db;
  clock: Clock;
  queue: Queue;
  sealer: Sealer;
  logger: Logger;
  platforms: Map<string, ShopPlatform>;
  hooks: CommerceHooks;
  /** Tells the agents' consoles when a contact's orders or carts changed (`contact.updated`). */
  bus?: Bus | undefined;
}

export function platformOf(deps: Pick<CommerceDeps, 'platforms'>, kind: string): ShopPlatform | undefined {
  return deps.platforms.get(kind);
}
