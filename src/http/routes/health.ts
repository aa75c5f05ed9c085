import type { FastifyInstance } from 'fastify';
import { AppError } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, publicAccess } from '../access.ts';

const CHECK_TIMEOUT_MS = 2000;

/** Rejects when `work` takes longer than `ms`: a readiness probe must answer quickly. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Liveness (the process answers) and readiness. The database is the truth: without it the
 * process is not ready (503, naming it). Redis only carries realtime and shared counters, so
 * without it the process still takes webhooks and replies: ready, but `degraded`, naming Redis.
 */
export function healthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/healthz', allow(publicAccess), async () => ({ status: 'ok' }));
  app.get('/readyz', allow(publicAccess), async () => {
    const [database, redis] = await Promise.all([
      within(deps.store.ping(), CHECK_TIMEOUT_MS).then(() => 'ok' as const, () => 'down' as const),
      deps.shared?.driver === 'redis' ? within(deps.shared.ping(), CHECK_TIMEOUT_MS).then(() => 'ok' as const, () => 'down' as const) : Promise.resolve(undefined),
    ]);
    if (database === 'down') {
      throw new AppError('service.unavailable', 'The database does not answer', { fields: { database: ['does not answer'] }, retryAfterSeconds: 2 });
    }
    return redis === 'down' ? { status: 'degraded', missing: ['redis'] } : { status: 'ready' };
  });
}
