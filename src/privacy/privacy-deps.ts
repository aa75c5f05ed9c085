import type { Clock, Logger } from '../kernel/index.ts';
import type { Queue } from '../jobs/index.ts';
import type { Bus } from '../realtime/index.ts';
import type { Db, StoreDialect } from '../store/index.ts';

/** What export and erasure need, handed in by the composition root. */
export interface PrivacyDeps {
  db: Db;
  dialect: StoreDialect;
  clock: Clock;
  queue: Queue;
  logger: Logger;
  /** Open screens are told of an erasure, so no one keeps reading the erased text. */
  bus: Bus;
}

/** Who asked: a person or token in the console or API, or the shop (a privacy webhook). */
export type PrivacyActor = { via: 'session' | 'token'; userId: string | null; tokenId: string | null } | 'system';
