import type { FastifyInstance } from 'fastify';
import { AppError } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, publicAccess } from '../access.ts';

/** Liveness (the process answers) and readiness (its database answers too). */
export function healthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/healthz', allow(publicAccess), async () => ({ status: 'ok' }));
  app.get('/readyz', allow(publicAccess), async () => {
    try {
      await deps.store.ping();
    } catch (error) {
      throw new AppError('service.unavailable', 'The database does not answer', { cause: error });
    }
    return { status: 'ready' };
  });
}
