/**
 * http: the Fastify edge. Routes per module, validated with zod, errors mapped from the one
 * `AppError` catalogue, security headers, cookies and CSRF, and the console's static files.
 */
export { buildHttpApp } from './app.ts';
export type { HttpDeps } from './deps.ts';
