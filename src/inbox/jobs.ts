import { createPace, defineJob, definePeriodicJob, LONG_RUN, type JobDefinition } from '../jobs/index.ts';
import type { InboxDeps } from './deps.ts';
import { mergeProcessJobs, PROCESS_BATCH_JOBS, PROCESS_LANES, processDeliveries, processDeliveryJobs, processJob, profileJob } from './process-delivery.ts';
import { PROCESS_ATTEMPTS } from './record-delivery.ts';
import { fetchProfile } from './fetch-profile.ts';
import { deliverOutbound, sendJob } from './deliver-outbound.ts';
import { retrainJob, retrainWorkspace } from './correct-classification.ts';
import { BACKFILL_ALL_QUEUE, backfillAllChannels, backfillChannel, backfillJob } from './backfill-channel.ts';
import { rulesJob, runRulesForMessage } from './automation/run-rules.ts';
import type { RulesDeps } from './automation/carry-out.ts';
import { wakeSnoozed } from './update-conversation.ts';
import { routingJobs } from './routing-jobs.ts';
import { monitorSla, SLA_MONITOR_QUEUE, type OnSlaEvent } from './sla-monitor.ts';
import { refreshSlaMetrics } from './sla-metrics.ts';

/**
 * The inbox's jobs: processing of recorded deliveries, profile look-ups, the sender,
 * retraining, back-fill, rules, snooze wake-ups, routing and the SLA monitor. The composition
 * root hands in what the rules act through and who hears SLA transitions.
 *
 * @example registerJobs(queue, inboxJobs(inbox, { rules, onSlaEvent }));
 */
export function inboxJobs(inbox: InboxDeps, wiring: { rules: RulesDeps; onSlaEvent: OnSlaEvent }): JobDefinition<any>[] {
  return [
    defineJob({
      ...processJob,
      handler: ({ eventIds }, job) => processDeliveries(inbox, eventIds, { ...job, maxAttempts: PROCESS_ATTEMPTS }),
      // SQLite: a burst's recorded batches run together (one claim, bigger transactions; ADR 0024).
      work: { together: { max: 16, merge: mergeProcessJobs } },
      // pg-boss: several jobs at once, oldest first, their deliveries in lanes by conversation (ADR 0026).
      batch: {
        size: PROCESS_BATCH_JOBS,
        handler: (jobs) => processDeliveryJobs(inbox, jobs.map(({ payload, job }) => ({ eventIds: payload.eventIds, job: { ...job, maxAttempts: PROCESS_ATTEMPTS } })), PROCESS_LANES),
      },
    }),
    defineJob({ ...profileJob, handler: (payload) => fetchProfile(inbox, payload) }),
    defineJob({ ...sendJob, handler: (payload, job) => deliverOutbound(inbox, payload, job), work: { concurrency: 2 } }),
    defineJob({
      ...retrainJob,
      work: LONG_RUN,
      handler: async ({ workspaceId }) => {
        const version = await retrainWorkspace(inbox, workspaceId);
        inbox.logger.info({ version }, 'workspace model retrained');
      },
    }),
    defineJob({ ...backfillJob, work: LONG_RUN, handler: async (payload) => { await backfillChannel(inbox, payload); } }),
    // Back-fill at start and every 5 minutes: X retries nothing below its enterprise tier.
    definePeriodicJob({ name: BACKFILL_ALL_QUEUE, everyMs: 5 * 60_000, handler: () => backfillAllChannels(inbox) }),
    defineJob({ ...rulesJob, handler: (payload) => runRulesForMessage(wiring.rules, payload) }),
    definePeriodicJob({ name: 'conversations.wake', everyMs: 60_000, handler: () => wakeSnoozed(inbox) }),
    ...routingJobs(inbox),
    // SLA transitions (due soon, breached), once each; escalations are rules on these events.
    // Paced: a run over every open conversation leaves the thread to webhook processing.
    definePeriodicJob({
      name: SLA_MONITOR_QUEUE,
      everyMs: 60_000,
      handler: async () => {
        await monitorSla(inbox, wiring.onSlaEvent, { pace: createPace() });
        await refreshSlaMetrics(inbox);
      },
    }),
  ];
}
