import type { ChannelRegistry } from '../channels/index.ts';
import type { Clock, Logger, Sealer } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Queue } from '../jobs/index.ts';
import { publishEvent, type Bus } from '../realtime/index.ts';
import type { Classifier, WorkspaceClassifiers } from '../insight/index.ts';
import type { CommentForCharter } from './apply-charter.ts';
import type { RealtimeEvent } from '../contracts/index.ts';

/** What the inbox use-cases need, handed in by the composition root. */
export interface InboxDeps {
  db: Db;
  clock: Clock;
  queue: Queue;
  bus: Bus;
  channels: ChannelRegistry;
  sealer: Sealer;
  logger: Logger;
  classifiers: WorkspaceClassifiers;
  /** Told after a delivery's messages are committed, with the workspaces they changed (contests count entries). */
  onIngested?: ((workspaceIds: string[]) => Promise<void>) | undefined;
  /**
   * Other modules' deliveries kept in `inbound_events` (shop webhooks), by provider: how an
   * admin's replay queues their processing again, in the replay's transaction.
   */
  replayers?: ReadonlyMap<string, (db: Db, eventId: string) => Promise<unknown>> | undefined;
}

/** What ingestion may lean on beyond the transaction: the workspace's classifier, profile lookups. */
export interface IngestContext {
  classifier?: Classifier | undefined;
  nameless?: ((externalId: string, surface: string) => Promise<void>) | undefined;
  /** A new customer comment, to check against the charter (hide or flag). */
  newComment?: ((comment: CommentForCharter) => Promise<void>) | undefined;
  /** A conversation a customer just opened, to route (`routing.assign`, in the same transaction). */
  newConversation?: ((conversationId: string) => Promise<void>) | undefined;
}

/** An event to publish once the transaction that caused it has committed: one of the catalogue's (src/contracts). */
export type PendingEvent = RealtimeEvent;

export async function publishAll(bus: Bus, events: PendingEvent[]): Promise<void> {
  for (const event of events) await publishEvent(bus, event);
}
