import type { FastifyInstance } from 'fastify';
import { AppError } from '../kernel/index.ts';

/**
 * Refuses the NUL character (U+0000) anywhere in a request's params, query or parsed JSON
 * body, keys included, before any handler runs. No text Relais keeps may hold it (PostgreSQL
 * text refuses it, so it used to surface as a 500), and no customer or agent types it.
 * Raw bodies (webhooks, uploads) are bytes and are left to their own parsers.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
      const path = nulAt(value);
      if (path !== null) {
        const field = path === '' ? where : path;
        throw new AppError('request.invalid', `Invalid request: ${field} contains a NUL character`, { fields: { [field]: ['contains a NUL character'] } });
      }
    }
  });
}

/** The dotted path of the first string holding U+0000, or null. Iterative: bodies may be deep. */
export function nulAt(value: unknown): string | null {
  if (Buffer.isBuffer(value)) return null;
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (key.includes('\u0000')) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}
