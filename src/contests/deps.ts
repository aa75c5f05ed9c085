import type { Clock, Logger, Sealer } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Bus } from '../realtime/index.ts';
import type { InboxDeps } from '../inbox/index.ts';
import type { ShopAdapter } from '../commerce/index.ts';

/** What contests and ambassadors need, handed in by the composition root or the HTTP edge. */
export interface ContestsDeps {
  db: Db;
  clock: Clock;
  sealer: Sealer;
  bus: Bus;
  logger: Logger;
  /** Winners are told through the inbox's own send path (private replies, DMs). */
  inbox: InboxDeps;
  /** The shop connector of a platform, for ambassadors' personal codes. */
  shops: (platform: string) => ShopAdapter | undefined;
}

export function contestsDepsFrom(inbox: InboxDeps, shops: ContestsDeps['shops']): ContestsDeps {
  return { db: inbox.db, clock: inbox.clock, sealer: inbox.sealer, bus: inbox.bus, logger: inbox.logger, inbox, shops };
}

export type Network = 'facebook' | 'instagram' | 'x';
export const networks: readonly Network[] = ['facebook', 'instagram', 'x'];
