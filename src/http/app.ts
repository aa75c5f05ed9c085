import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import { AppError, newId } from '../kernel/index.ts';
import type { HttpDeps } from './deps.ts';
import { sendError } from './errors.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerAuthentication } from './authenticate.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerConsole } from './console.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { meRoutes } from './routes/me.ts';
import { teamRoutes } from './routes/team.ts';
import { adminRoutes } from './routes/admin.ts';
import { realtimeRoutes } from './routes/realtime.ts';
import { hookRoutes } from './routes/hooks.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { workspaceToolRoutes } from './routes/workspace-tools.ts';
import { widgetAssetRoutes } from './routes/widget-assets.ts';
import { widgetApiRoutes } from './routes/widget-api.ts';
import { widgetSocketRoutes } from './routes/widget-socket.ts';
import { webchatConsoleRoutes } from './routes/webchat-console.ts';
import { automationRoutes } from './routes/automation.ts';
import { routingRoutes } from './routes/routing.ts';
import { commerceRoutes } from './routes/commerce.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { shopHookRoutes } from './routes/shop-hooks.ts';
import { shopRoutes } from './routes/shops.ts';
import { registerContracts, type RegisteredRoute } from './contract-schemas.ts';
import { apiDocsRoutes } from './routes/api-docs.ts';
import { publishingRoutes } from './routes/publishing.ts';
import { reportRoutes } from './routes/reports.ts';
import { contestRoutes } from './routes/contests.ts';
import { progressRoutes } from './routes/progress.ts';
import { webhookRoutes } from './routes/webhooks.ts';

/**
 * The Fastify app: thin routes over the modules' use-cases. Nothing here decides business
 * rules; it validates, calls and serializes.
 */
export async function buildHttpApp(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: () => newId(),
    requestIdHeader: false,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  registerSecurityHeaders(app, { https: deps.config.publicUrl.startsWith('https:') });
  await app.register(fastifyCookie);
  // Only routes that name a limit are limited; the WebSocket upgrade never is.
  // In scale mode the counters live in Redis, so a limit holds across every `serve` process;
  // while Redis is away requests are not refused for it (the sign-in throttles still hold).
  const redis = deps.shared?.redis;
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: `${deps.shared!.prefix}rate-limit:`, skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) => new AppError('request.rate_limited', 'Too many requests; slow down', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  registerAuthentication(app, deps);
  const apiRoutes: RegisteredRoute[] = [];
  registerContracts(app, apiRoutes);
  registerInputGuard(app);

  healthRoutes(app, deps);
  sessionRoutes(app, deps);
  meRoutes(app, deps);
  teamRoutes(app, deps);
  adminRoutes(app, deps);
  realtimeRoutes(app, deps);
  inboxRoutes(app, deps);
  workspaceToolRoutes(app, deps);
  automationRoutes(app, deps);
  routingRoutes(app, deps);
  commerceRoutes(app, deps);
  privacyRoutes(app, deps);
  await hookRoutes(app, deps);
  widgetAssetRoutes(app, deps);
  await widgetApiRoutes(app, deps);
  widgetSocketRoutes(app, deps);
  webchatConsoleRoutes(app, deps);
  await shopHookRoutes(app, deps);
  shopRoutes(app, deps);
  apiDocsRoutes(app, deps, apiRoutes);
  await publishingRoutes(app, deps);
  reportRoutes(app, deps);
  contestRoutes(app, deps);
  progressRoutes(app, deps);
  webhookRoutes(app, deps);
  await registerConsole(app, deps.consoleDir);
  return app;
}
