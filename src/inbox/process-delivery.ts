import { findChannelByAccount, type InboundItem, type RoutedChannel } from '../channels/index.ts';
import type { Db, InboundEventsTable } from '../store/index.ts';
import { enqueueJob, jobType, type JobContext } from '../jobs/index.ts';
import { z } from 'zod';
import { publishAll, type IngestContext, type InboxDeps, type PendingEvent } from './deps.ts';
import { applyCharter, type CommentForCharter } from './apply-charter.ts';
import type { ChannelRef } from './contacts.ts';
import { ingestMessage } from './ingest-message.ts';
import { ingestComment } from './ingest-comment.ts';
import { countReaction, ensurePost, recordReactionAuthor } from './posts.ts';
import { enqueueRulesForNew } from './automation/run-rules.ts';
import { currentCharter } from './automation/charters.ts';
import { assignedEvents, assignWithin, teamForChannel } from './auto-assign.ts';
import { emitWebhookEvent, subscribedEvents } from '../webhooks/index.ts';
import { splitIntoLanes, threadKeys } from './delivery-lanes.ts';
import { KnownRows, type WantedRows } from './known-rows.ts';

export const PROCESS_QUEUE = 'inbound.process';
export const PROFILE_QUEUE = 'contact.profile';
/**
 * Deliveries written per transaction. One commit for several saves most of the cost. On
 * PostgreSQL more would hold row locks longer; on SQLite, where a webhook acknowledgement
 * waiting for the write lock makes processing commit early (`writersWaiting`), a long
 * transaction delays nobody, so it may be longer.
 */
const DELIVERIES_PER_TRANSACTION = 16;
const DELIVERIES_PER_TRANSACTION_YIELDING = 64;
/**
 * How long a transaction runs before it gives way to a waiting acknowledgement: shorter would
 * make a transaction of every delivery at a steady 1,000 events/s (the HTTP thread wants the
 * lock every few milliseconds), and a transaction's fixed cost (begin, reads, commit) several
 * times over; this bounds an acknowledgement's wait to it plus one delivery.
 */
const GIVE_WAY_AFTER_MS = 8;
/** This many acknowledgements waiting make a transaction give way once it has run `BURST_TURN_MS` (one delivery at least). */
const BURST_WAITING = 16;
const BURST_TURN_MS = 4;
/**
 * A burst: webhooks recorded faster than this a second, more than processing can write beside
 * their acknowledgements on a small machine (it drains ~2,100/s alone on two cores). Processing
 * then rests `BURST_REST_MS` after each transaction, so intake keeps the writer and most of the
 * CPU; it catches up once the burst ends. Decided on the arrival rate alone, so that processing
 * behind at a rate it can follow never rests for it (ADR 0027).
 */
const BURST_RATE = 2000;
const BURST_REST_MS = 50;
/**
 * On PostgreSQL (pg-boss), processing jobs fetched at once, and lanes of deliveries written
 * side by side, each on its own connection of the pool (10). A batch is settled before the
 * next is fetched, so its longest lane sets the pace, and it must end within the lease
 * (30 s): 8 jobs of at most 500 deliveries (the recorder's largest batch) would take about 15 s at
 * the ~300 deliveries/s measured on a loaded 2-core machine. At 1,000/s jobs hold a handful.
 */
export const PROCESS_BATCH_JOBS = 8;
export const PROCESS_LANES = 4;

const key = z.string().min(1).max(200);
/** `inbound.process`: the stored deliveries to process, in one job per recorded batch. */
export const processJob = jobType(PROCESS_QUEUE, z.object({ eventIds: z.array(key).min(1).max(1000) }));
/** Several `inbound.process` jobs as one (the SQLite queue's `together`), their deliveries in the jobs' order; refused (each then runs alone) past one job's limit. */
export function mergeProcessJobs(payloads: unknown[]): { eventIds: string[] } {
  return processJob.schema.parse({ eventIds: payloads.flatMap((payload) => processJob.schema.parse(payload).eventIds) });
}
/** `contact.profile`: ask the platform for the name of a customer a payload left nameless. */
export const profileJob = jobType(PROFILE_QUEUE, z.object({ workspaceId: key, channelId: key, externalId: key, surface: key }));

/** The processing job as it is run: its payload's deliveries, and which attempt this is. */
export interface DeliveryJob {
  eventIds: string[];
  job: JobContext & { maxAttempts: number };
}

/**
 * The job behind every accepted webhook: parse the stored deliveries, route each item to its
 * channel, and write them a few at a time in one transaction each, so a burst costs a commit
 * per `DELIVERIES_PER_TRANSACTION` and each group is readable as soon as it lands. New conversations are routed
 * (`routing.assign`'s work) in that same transaction; the rules are queued with the
 * messages only when the workspace has rules for them. It is idempotent, so a redelivery, a
 * retry or an admin's replay ends in the same state. A delivery that cannot be parsed, or
 * that still fails on its last attempt, is parked with the error for an admin to replay;
 * when the batch fails, each delivery is tried alone so one bad delivery holds back no other.
 */
export async function processDeliveries(deps: InboxDeps, eventIds: string[], job: JobContext & { maxAttempts: number }): Promise<void> {
  const [outcome] = await processDeliveryJobs(deps, [{ eventIds, job }], 1);
  if (outcome?.status === 'rejected') throw outcome.reason;
}

/**
 * Several processing jobs fetched together, oldest first (pg-boss): their deliveries, in that
 * order, are split into `lanes` that run side by side on their own connections
 * (`splitIntoLanes`): the deliveries that touch the same contact, conversation or message
 * share a lane and keep their arrival order in it, so per conversation the order is the one
 * of a single lane (ADR 0026). Each lane writes its deliveries as `processDeliveries` does.
 * Answers one outcome per job: rejected (to be retried) when one of its deliveries failed
 * before its last attempt.
 */
export async function processDeliveryJobs(deps: InboxDeps, jobs: readonly DeliveryJob[], lanes: number): Promise<PromiseSettledResult<void>[]> {
  // A delivery named by several jobs is processed once, at its first place, on that job's attempt.
  const jobOf = new Map<string, DeliveryJob>();
  for (const job of jobs) for (const eventId of job.eventIds) if (!jobOf.has(eventId)) jobOf.set(eventId, job);
  const ids = [...jobOf.keys()];
  const byId = new Map<string, InboundEventsTable>();
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await deps.db.selectFrom('inbound_events').selectAll().where('id', 'in', ids.slice(start, start + 1000)).execute();
    for (const row of rows) byId.set(row.id, row);
  }
  const parsed: Parsed[] = [];
  for (const eventId of ids) {
    const event = byId.get(eventId);
    if (!event || event.status === 'processed' || event.status === 'ignored') continue;
    const provider = deps.channels.require(event.provider);
    try {
      parsed.push({ event, items: provider.parse(event.body) });
    } catch (error) {
      await park(deps.db, eventId, error, deps.clock.now());
    }
  }
  // Realtime events go out in commit order, each group's after its commit, without the next
  // transaction waiting for them (from the processing thread, each is a round trip to the
  // HTTP thread, which is busy acknowledging). Committed is committed: a failure to publish is
  // logged, not retried (clients that miss an event catch up from the bus's replay or a reload).
  let published = Promise.resolve();
  const publish = (events: PendingEvent[]) => {
    if (events.length === 0) return;
    published = published.then(() => publishAll(deps.bus, events)).catch((error: unknown) => { deps.logger.error({ err: error }, 'could not publish the realtime events of processed deliveries'); });
  };
  // The processed ones are skipped on the retry; only the failed ones run again.
  const failures = new Map<string, unknown>();
  const attemptOf = (eventId: string) => jobOf.get(eventId)!.job;
  const ran = await Promise.allSettled(splitIntoLanes(parsed, (one) => threadKeys(one.items), lanes).map((lane) => ingestLane(deps, lane, attemptOf, failures, publish)));
  await published;
  const broken = ran.find((result) => result.status === 'rejected');
  if (broken) throw broken.reason;
  return jobs.map((job) => {
    const failed = job.eventIds.find((eventId) => failures.has(eventId));
    return failed === undefined ? { status: 'fulfilled', value: undefined } : { status: 'rejected', reason: failures.get(failed) };
  });
}

/** One lane's deliveries, in order, `DELIVERIES_PER_TRANSACTION` per transaction; the failures are kept by delivery. */
async function ingestLane(deps: InboxDeps, parsed: Parsed[], attemptOf: (eventId: string) => JobContext & { maxAttempts: number }, failures: Map<string, unknown>, publish: (events: PendingEvent[]) => void): Promise<void> {
  const failed = async (eventId: string, error: unknown) => {
    if (await failsTheJob(deps, eventId, error, attemptOf(eventId))) failures.set(eventId, error);
  };
  const perTransaction = deps.writersWaiting ? DELIVERIES_PER_TRANSACTION_YIELDING : DELIVERIES_PER_TRANSACTION;
  for (let start = 0; start < parsed.length;) {
    const chunk = parsed.slice(start, start + perTransaction);
    try {
      start += await ingestDeliveries(deps, chunk, publish);
      if ((deps.intakeRate?.() ?? 0) >= BURST_RATE) await new Promise((resolve) => setTimeout(resolve, BURST_REST_MS));
      continue;
    } catch (error) {
      start += chunk.length;
      if (chunk.length === 1) {
        await failed(chunk[0]!.event.id, error);
        continue;
      }
    }
    for (const one of chunk) {
      try {
        await ingestDeliveries(deps, [one], publish);
      } catch (error) {
        await failed(one.event.id, error);
      }
    }
  }
}

interface Parsed {
  event: InboundEventsTable;
  items: InboundItem[];
}

/** Before the last attempt, a failure fails the job, so it runs again (true); on the last one it parks the delivery (false). */
async function failsTheJob(deps: InboxDeps, eventId: string, error: unknown, job: JobContext & { maxAttempts: number }): Promise<boolean> {
  if (job.attempt < job.maxAttempts) return true;
  await park(deps.db, eventId, error, deps.clock.now());
  return false;
}

/** What the deliveries of one transaction look up once and share: channels, classifiers, charters, subscriptions, rules, teams. */
function batchReads(deps: InboxDeps, trx: Db) {
  const once = <T>(load: (key: string) => Promise<T>) => {
    const known = new Map<string, Promise<T>>();
    return (key: string) => {
      let value = known.get(key);
      if (!value) known.set(key, (value = load(key)));
      return value;
    };
  };
  return {
    route: once((key) => {
      const [provider, accountId] = key.split('\n') as [string, string];
      return findChannelByAccount(trx, provider, accountId);
    }),
    classifier: once((workspaceId) => deps.classifiers.forWorkspace(workspaceId, trx)),
    charter: once((workspaceId) => currentCharter(trx, workspaceId)),
    subscribed: once((workspaceId) => subscribedEvents(trx, workspaceId)),
    team: once((key) => {
      const [workspaceId, channelId] = key.split('\n') as [string, string];
      return teamForChannel(trx, workspaceId, channelId);
    }),
    rules: new Map<string, boolean>(),
    // The post's id, per channel and post; a payload bringing text or a link it lacked goes to the database.
    posts: new Map<string, Promise<string>>(),
  };
}

/** Whether a transaction that has run `elapsedMs` commits now for the `waiting` acknowledgements. */
function givesWay(waiting: number, elapsedMs: number): boolean {
  return waiting > 0 && ((waiting >= BURST_WAITING && elapsedMs >= BURST_TURN_MS) || elapsedMs >= GIVE_WAY_AFTER_MS);
}

/**
 * Writes deliveries from the start of `parsed` in one transaction and answers how many: all of
 * them, or fewer when webhook acknowledgements wait for the write lock and the transaction has
 * run `GIVE_WAY_AFTER_MS`, or `BURST_TURN_MS` when many wait (the rest go in the next transaction).
 */
async function ingestDeliveries(deps: InboxDeps, parsed: Parsed[], publish: (events: PendingEvent[]) => void): Promise<number> {
  const now = deps.clock.now();
  const started = performance.now();
  let done = 0;
  const events = await deps.db.transaction().execute(async (trx) => {
    const reads = batchReads(deps, trx);
    const known = deps.readsAhead ? await readKnownRows(trx, parsed, reads.route) : undefined;
    const pending: PendingEvent[] = [];
    const opened: Array<{ channel: ChannelRef; conversationId: string }> = [];
    for (const { event, items } of parsed) {
      if (done > 0 && givesWay(deps.writersWaiting?.() ?? 0, performance.now() - started)) break;
      done++;
      for (const item of items) {
        const channel = await reads.route(`${event.provider}\n${item.accountId}`);
        if (!channel) continue;
        const subscribed = await reads.subscribed(channel.workspaceId);
        const nameless = (externalId: string, surface: string) => enqueueJob(deps.queue, profileJob, { workspaceId: channel.workspaceId, channelId: channel.channelId, externalId, surface }, { db: trx, maxAttempts: 3, backoffMs: 5000, singletonKey: `${channel.channelId}:${externalId}` }).then(() => {});
        const newComment = async (comment: CommentForCharter) => applyCharter(trx, deps.queue, channel, comment, now, await reads.charter(channel.workspaceId));
        const newConversation = async (conversationId: string) => {
          opened.push({ channel, conversationId });
          await emitWebhookEvent(deps, trx, channel.workspaceId, 'conversation.created', { conversationId }, { subscribed });
        };
        const post = (target: { externalId: string; text?: string | undefined; permalink?: string | undefined }) => {
          const key = `${channel.channelId}\n${target.externalId}\n${target.text ? 't' : ''}${target.permalink ? 'p' : ''}`;
          let id = reads.posts.get(key);
          if (!id) reads.posts.set(key, (id = ensurePost(trx, channel, target, now)));
          return id;
        };
        const created = await ingestItem(trx, channel, item, now, { nameless, classifier: await reads.classifier(channel.workspaceId), newComment, newConversation, post, known });
        // Rules run in their own job, queued with the message: accepted means they will run.
        await enqueueRulesForNew(deps.queue, trx, created, reads.rules);
        for (const e of created) if (e.type === 'message.created' && e.data.direction === 'in') await emitWebhookEvent(deps, trx, e.workspaceId, 'message.received', { messageId: e.data.messageId }, { subscribed });
        pending.push(...created);
      }
    }
    // Routing last, so that on PostgreSQL its per-workspace lock is held only until the commit.
    for (const { channel, conversationId } of opened) {
      const team = await reads.team(`${channel.workspaceId}\n${channel.channelId}`);
      const assignee = team && await assignWithin(trx, channel.workspaceId, conversationId, team, now);
      if (assignee) pending.push(...assignedEvents(channel.workspaceId, conversationId, assignee));
    }
    if (deps.onIngested && pending.length > 0) await deps.onIngested([...new Set(pending.map((e) => e.workspaceId))], trx);
    await trx.updateTable('inbound_events').set((eb) => ({ status: 'processed', processed_at: now, attempts: eb('attempts', '+', 1), error: null }))
      .where('id', 'in', parsed.slice(0, done).map(({ event }) => event.id)).execute();
    return pending;
  });
  publish(events);
  return done;
}

/** The messages, customers and private threads the deliveries will look up by platform id, read per channel up front (`KnownRows`). */
async function readKnownRows(trx: Db, parsed: Parsed[], route: (key: string) => Promise<RoutedChannel | undefined>): Promise<KnownRows> {
  const known = new KnownRows(trx);
  const wanted = new Map<string, { channel: ChannelRef; rows: WantedRows }>();
  for (const { event, items } of parsed) {
    for (const item of items) {
      if (item.type !== 'message' && item.type !== 'comment') continue;
      const channel = await route(`${event.provider}\n${item.accountId}`);
      if (!channel) continue;
      const key = `${channel.workspaceId}\n${channel.channelId}`;
      let entry = wanted.get(key);
      if (!entry) wanted.set(key, (entry = { channel, rows: { messages: new Set(), identities: new Set(), threads: new Set() } }));
      entry.rows.messages.add(item.externalId);
      if (item.type === 'message') {
        entry.rows.identities.add(item.customer.externalId);
        entry.rows.threads.add(`${item.surface}:${item.customer.externalId}`);
      } else {
        if (item.parentExternalId) entry.rows.messages.add(item.parentExternalId);
        if (!item.byAccount) entry.rows.identities.add(item.author.externalId);
      }
    }
  }
  for (const { channel, rows } of wanted.values()) await known.load(channel, rows);
  return known;
}

export async function ingestItem(db: Db, channel: ChannelRef, item: InboundItem, now: number, ctx: IngestContext): Promise<PendingEvent[]> {
  switch (item.type) {
    case 'message':
      return ingestMessage(db, channel, item, now, ctx);
    case 'comment':
      return ingestComment(db, channel, item, now, ctx);
    case 'reaction':
      await countReaction(db, channel, item.targetExternalId, item.reaction, item.action === 'add' ? 1 : -1, now);
      await recordReactionAuthor(db, channel, item, item.occurredAt);
      return [];
    case 'signal':
      return [];
  }
}

async function park(db: Db, eventId: string, error: unknown, now: number): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await db.updateTable('inbound_events').set((eb) => ({ status: 'parked', error: message.slice(0, 2000), attempts: eb('attempts', '+', 1), processed_at: now }))
    .where('id', '=', eventId).execute();
}
