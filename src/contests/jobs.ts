import { z } from 'zod';
import { defineJob, definePeriodicJob, enqueueJob, jobType, type JobDefinition, type Queue } from '../jobs/index.ts';
import type { Db } from '../store/index.ts';
import type { ContestsDeps } from './deps.ts';
import { CONTESTS_PURGE_QUEUE, CONTESTS_REFRESH_QUEUE, purgeExpiredContests } from './purge-contests.ts';
import { refreshOpenContests } from './refresh-entries.ts';

/** `contests.refresh`: re-count the open contests' entries of one workspace. */
export const entriesRefreshJob = jobType(CONTESTS_REFRESH_QUEUE, z.object({ workspaceId: z.string().min(1) }));

/**
 * In the transaction that ingests new comments: one refresh per workspace, gathered (a
 * singleton, a short delay), so a burst of comments costs one pass, and it commits with them.
 */
export async function queueEntriesRefresh(queue: Queue, workspaceIds: string[], db: Db): Promise<void> {
  for (const workspaceId of workspaceIds) await enqueueJob(queue, entriesRefreshJob, { workspaceId }, { db, singletonKey: `contests:${workspaceId}`, delayMs: 200 });
}

/** Contests' jobs: new comments re-count the open contests' entries (the consoles hear the counts); entries past their retention are deleted daily. */
export function contestsJobs(contests: ContestsDeps): JobDefinition<any>[] {
  return [
    defineJob({ ...entriesRefreshJob, handler: async ({ workspaceId }) => { await refreshOpenContests(contests, workspaceId); } }),
    definePeriodicJob({ name: CONTESTS_PURGE_QUEUE, everyMs: 24 * 60 * 60_000, handler: () => purgeExpiredContests(contests) }),
  ];
}
