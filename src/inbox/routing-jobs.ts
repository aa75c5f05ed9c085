import { defineJob } from '../jobs/index.ts';
import { assignJob, assignWaiting, autoAssign, pickupJob } from './auto-assign.ts';
import type { InboxDeps } from './deps.ts';

/**
 * Routing's jobs: a conversation a customer opens is offered to its team (`routing.assign`);
 * an agent coming online picks up what waits in Unassigned (`routing.pickup`).
 */
export const routingJobs = (inbox: InboxDeps) => [
  defineJob({ ...assignJob, handler: async ({ workspaceId, conversationId }) => { await autoAssign(inbox, workspaceId, conversationId); } }),
  defineJob({ ...pickupJob, handler: async ({ workspaceId }) => { await assignWaiting(inbox, workspaceId); } }),
];
