import { findChannelByAccount, type InboundItem } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import { enqueueJob, jobType, type JobContext } from '../jobs/index.ts';
import { z } from 'zod';
import { publishAll, type IngestContext, type InboxDeps, type PendingEvent } from './deps.ts';
import type { Classifier } from '../insight/index.ts';
import { applyCharter, type CommentForCharter } from './apply-charter.ts';
import type { ChannelRef } from './contacts.ts';
import { ingestMessage } from './ingest-message.ts';
import { ingestComment } from './ingest-comment.ts';
import { countReaction, recordReactionAuthor } from './posts.ts';
import { enqueueRulesForNew } from './automation/run-rules.ts';
import { assignJob } from './auto-assign.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';

export const PROCESS_QUEUE = 'inbound.process';
export const PROFILE_QUEUE = 'contact.profile';

const key = z.string().min(1).max(200);
/** `inbound.process`: the stored deliveries to process, in one job per recorded batch. */
export const processJob = jobType(PROCESS_QUEUE, z.object({ eventIds: z.array(key).min(1).max(1000) }));
/** `contact.profile`: ask the platform for the name of a customer a payload left nameless. */
export const profileJob = jobType(PROFILE_QUEUE, z.object({ workspaceId: key, channelId: key, externalId: key, surface: key }));

/**
 * The job behind every accepted webhook: parse the stored delivery, route each item to its
 * channel, and write everything in one transaction. It is idempotent, so a redelivery, a
 * retry or an admin's replay ends in the same state. A delivery that cannot be parsed, or
 * that still fails on its last attempt, is parked with the error for an admin to replay.
 */
export async function processDeliveries(deps: InboxDeps, eventIds: string[], job: JobContext & { maxAttempts: number }): Promise<void> {
  const failures: unknown[] = [];
  for (const eventId of eventIds) {
    try {
      await processDelivery(deps, eventId, job);
    } catch (error) {
      failures.push(error);
    }
  }
  // The processed ones are skipped on the retry; only the failed ones run again.
  if (failures.length > 0) throw failures[0];
}

export async function processDelivery(deps: InboxDeps, eventId: string, job: JobContext & { maxAttempts: number }): Promise<void> {
  const event = await deps.db.selectFrom('inbound_events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event || event.status === 'processed' || event.status === 'ignored') return;
  const provider = deps.channels.require(event.provider);
  let items: InboundItem[];
  try {
    items = provider.parse(event.body);
  } catch (error) {
    await park(deps.db, eventId, error, deps.clock.now());
    return;
  }
  try {
    const now = deps.clock.now();
    const events = await deps.db.transaction().execute(async (trx) => {
      const pending: PendingEvent[] = [];
      const routes = new Map<string, ChannelRef | undefined>();
      const classifiers = new Map<string, Classifier>();
      for (const item of items) {
        if (!routes.has(item.accountId)) routes.set(item.accountId, await findChannelByAccount(trx, event.provider, item.accountId));
        const channel = routes.get(item.accountId);
        const nameless = (externalId: string, surface: string) => channel
          ? enqueueJob(deps.queue, profileJob, { workspaceId: channel.workspaceId, channelId: channel.channelId, externalId, surface }, { db: trx, maxAttempts: 3, backoffMs: 5000, singletonKey: `${channel.channelId}:${externalId}` }).then(() => {})
          : Promise.resolve();
        if (!channel) continue;
        if (!classifiers.has(channel.workspaceId)) classifiers.set(channel.workspaceId, await deps.classifiers.forWorkspace(channel.workspaceId, trx));
        const newComment = (comment: CommentForCharter) => applyCharter(trx, deps.queue, channel, comment, now);
        const newConversation = (conversationId: string) => enqueueJob(deps.queue, assignJob, { workspaceId: channel.workspaceId, conversationId }, { db: trx })
          .then(() => emitWebhookEvent(deps, trx, channel.workspaceId, 'conversation.created', { conversationId }));
        const created = await ingestItem(trx, channel, item, now, { nameless, classifier: classifiers.get(channel.workspaceId), newComment, newConversation });
        // Rules run in their own job, queued with the message: accepted means they will run.
        await enqueueRulesForNew(deps.queue, trx, created);
        for (const e of created) if (e.type === 'message.created' && e.data.direction === 'in') await emitWebhookEvent(deps, trx, e.workspaceId, 'message.received', { messageId: e.data.messageId });
        pending.push(...created);
      }
      await trx.updateTable('inbound_events').set({ status: 'processed', processed_at: now, attempts: event.attempts + 1, error: null }).where('id', '=', eventId).execute();
      return pending;
    });
    await publishAll(deps.bus, events);
    if (deps.onIngested && events.length > 0) await deps.onIngested([...new Set(events.map((e) => e.workspaceId))]);
  } catch (error) {
    if (job.attempt >= job.maxAttempts) await park(deps.db, eventId, error, deps.clock.now());
    else throw error;
  }
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
