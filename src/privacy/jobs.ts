import { defineJob, definePeriodicJob, LONG_RUN, type JobDefinition } from '../jobs/index.ts';
import type { PrivacyDeps } from './privacy-deps.ts';
import { applyAllRetention, RETENTION_QUEUE } from './retention.ts';
import { handleShopPrivacyRequest, shopRequestJob } from './shop-request.ts';

/** Privacy's jobs: the shops' compliance requests, and each workspace's retention every six hours. */
export function privacyJobs(privacy: PrivacyDeps): JobDefinition<any>[] {
  return [
    defineJob({ ...shopRequestJob, work: LONG_RUN, handler: (payload) => handleShopPrivacyRequest(privacy, payload) }),
    definePeriodicJob({ name: RETENTION_QUEUE, everyMs: 6 * 60 * 60_000, work: LONG_RUN, handler: () => applyAllRetention(privacy) }),
  ];
}
