import type { ChannelRegistry } from '../channels/index.ts';
import type { Clock, Logger, Sealer } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Queue } from '../jobs/index.ts';
import { publishEvent, type Bus } from '../realtime/index.ts';
import type { Classifier, WorkspaceClassifiers } from '../insight/index.ts';
import type { CommentForCharter } from './apply-charter.ts';
import type { RealtimeEvent } from '../contracts/index.ts';
import type { KnownRows } from './known-rows.ts';

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
  /**
   * Told inside the transaction that writes a group of deliveries' messages, with the
   * workspaces they changed, so what it queues commits with them (contests recount entries).
   */
  onIngested?: ((workspaceIds: string[], db: Db) => Promise<void>) | undefined;
  /**
   * Other modules' deliveries kept in `inbound_events` (shop webhooks), by provider: how an
   * admin's replay queues their processing again, in the replay's transaction.
   */
  replayers?: ReadonlyMap<string, (db: Db, eventId: string) => Promise<unknown>> | undefined;
  /**
   * How many webhook acknowledgements wait for the database's write lock (the embedded
   * processing thread on SQLite; 0 when none): processing then commits the deliveries it has
   * written and lets them in (ADR 0024).
   */
  writersWaiting?: (() => number) | undefined;
  /** SQLite, processing thread: webhook deliveries recorded a second by the HTTP thread, lately (a burst past `BURST_RATE`). */
  intakeRate?: (() => number) | undefined;
  /**
   * PostgreSQL: a transaction of deliveries reads the messages, identities and threads they
   * name up front (`KnownRows`), each statement being a round trip. Not on SQLite, where a read
   * costs microseconds and a transaction that gives way to an acknowledgement after one
   * delivery would have read ahead for 64 (ADR 0028).
   */
  readsAhead?: boolean | undefined;
}

/** What ingestion may lean on beyond the transaction: the workspace's classifier, profile lookups. */
export interface IngestContext {
  classifier?: Classifier | undefined;
  nameless?: ((externalId: string, surface: string) => Promise<void>) | undefined;
  /** A new customer comment, to check against the charter (hide or flag). */
  newComment?: ((comment: CommentForCharter) => Promise<void>) | undefined;
  /** The post a comment belongs to (`ensurePost`), read once per transaction by the processing job. */
  post?: ((post: { externalId: string; text?: string | undefined; permalink?: string | undefined }) => Promise<string>) | undefined;
  /** A conversation a customer just opened, to route (`routing.assign`, in the same transaction). */
  newConversation?: ((conversationId: string) => Promise<void>) | undefined;
  /** The processing job's transaction: messages, identities and threads read up front for its deliveries. */
  known?: KnownRows | undefined;
}

/** An event to publish once the transaction that caused it has committed: one of the catalogue's (src/contracts). */
export type PendingEvent = RealtimeEvent;

/**
 * Publishes in order. The in-memory bus numbers an event as it receives it, so all are sent
 * at once and awaited together (from the processing thread, one round trip across the port
 * for the lot instead of one per event). The Redis bus numbers events in a transaction: each
 * run of one workspace's events goes in one (`publishMany`), one run after the other.
 */
export async function publishAll(bus: Bus, events: PendingEvent[]): Promise<void> {
  if (bus.driver === 'memory') {
    await Promise.all(events.map((event) => publishEvent(bus, event)));
    return;
  }
  for (let start = 0; start < events.length;) {
    const workspaceId = events[start]!.workspaceId;
    let end = start + 1;
    while (end < events.length && events[end]!.workspaceId === workspaceId) end++;
    const run = events.slice(start, end);
    if (bus.publishMany) await bus.publishMany(workspaceId, run.map((event) => ({ type: event.type, data: event.data })));
    else for (const event of run) await publishEvent(bus, event);
    start = end;
  }
}
