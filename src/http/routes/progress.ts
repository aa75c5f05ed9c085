import type { FastifyInstance } from 'fastify';
import { listJobProgress } from '../../jobs/index.ts';
import { RETRAIN_QUEUE } from '../../inbox/index.ts';
import { jobProgressQuery } from '../../contracts/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';

/**
 * The progress of long work (retraining, reconciliation, back-fill): the latest row of each
 * kind and subject, for a screen opened mid-run; then `job.progress` events move it live.
 * Counts and phases only, so every member may read them.
 */
export function progressRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/api/v1/job-progress', allow(needs('workspace.read')), async (request) => {
    const filter = parseInput(jobProgressQuery, request.query);
    return { progress: await listJobProgress(deps.store.db, callerOf(request).workspaceId, filter) };
  });

  // Retrain the team's model now (it otherwise follows each correction after a few seconds).
  app.post('/api/v1/insight/model/retrain', allow(needs('inbound.manage')), async (request, reply) => {
    const workspaceId = callerOf(request).workspaceId;
    await deps.queue.enqueue(RETRAIN_QUEUE, { workspaceId }, { singletonKey: workspaceId, maxAttempts: 3 });
    return reply.status(202).send({ status: 'queued' });
  });
}
