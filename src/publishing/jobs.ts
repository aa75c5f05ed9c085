import { defineJob, definePeriodicJob, type JobDefinition } from '../jobs/index.ts';
import { METRICS_QUEUE, publishJob, SWEEP_QUEUE, type PublishingDeps } from './deps.ts';
import { pollEngagement } from './engagement.ts';
import { publishVersion, sweepDue } from './publish-version.ts';

/** Publishing's jobs: each version's job at its time; the sweep re-offers lost or crashed ones; engagement polls (every minute). */
export function publishingJobs(publishing: PublishingDeps): JobDefinition<any>[] {
  return [
    defineJob({ ...publishJob, work: { concurrency: 2 }, handler: (payload) => publishVersion(publishing, payload) }),
    definePeriodicJob({ name: SWEEP_QUEUE, everyMs: 60_000, handler: () => sweepDue(publishing) }),
    definePeriodicJob({ name: METRICS_QUEUE, everyMs: 60_000, handler: () => pollEngagement(publishing) }),
  ];
}
