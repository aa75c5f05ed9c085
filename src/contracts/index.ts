/**
 * The contracts: one definition, in zod, of every shape that crosses a process boundary —
 * the `/api/v1` requests and responses (`apiRoutes`), the realtime event catalogue and the
 * permission table. The server validates and serialises with them, the OpenAPI document is
 * generated from them, and the console imports their types (`import type`). Depends on zod
 * only; every other module may import it, it imports none.
 */
export * from './common.ts';
export * from './permissions.ts';
export * from './accounts.ts';
export * from './inbox.ts';
export * from './automation.ts';
export * from './routing.ts';
export * from './commerce.ts';
export * from './webchat.ts';
export * from './progress.ts';
export * from './events.ts';
export * from './webhooks.ts';
export * from './routes.ts';
export * from './contests.ts';
export * from './reports.ts';
