import { z } from 'zod';
import { defineJob } from '../jobs/index.ts';
import { assignWaiting, autoAssign, PICKUP_QUEUE, ROUTING_QUEUE } from './auto-assign.ts';
import type { InboxDeps } from './deps.ts';

const id = z.string().min(1).max(64);

/**
 * Routing's jobs: a conversation a customer opens is offered to its team (`routing.assign`);
 * an agent coming online picks up what waits in Unassigned (`routing.pickup`).
 */
export const routingJobs = (inbox: InboxDeps) => [
  defineJob({
    name: ROUTING_QUEUE,
    schema: z.object({ workspaceId: id, conversationId: id }),
    handler: async ({ workspaceId, conversationId }) => { await autoAssign(inbox, workspaceId, conversationId); },
  }),
  defineJob({
    name: PICKUP_QUEUE,
    schema: z.object({ workspaceId: id }),
    handler: async ({ workspaceId }) => { await assignWaiting(inbox, workspaceId); },
  }),
];
