import type { AccountsDeps, Caller } from '../accounts/index.ts';
import type { RouteAccess } from './access.ts';
import type { VisitorCall } from './routes/widget-access.ts';
import type { Config, Logger } from '../kernel/index.ts';
import type { Store } from '../store/index.ts';
import type { Queue } from '../jobs/index.ts';
import type { Bus, SharedState } from '../realtime/index.ts';
import type { ChannelRegistry, InstallationSecrets } from '../channels/index.ts';
import type { DeliveryRecorder, InboxDeps } from '../inbox/index.ts';
import type { CommerceDeps } from '../commerce/index.ts';
import type { PublishingDeps } from '../publishing/index.ts';

/** Everything the HTTP edge calls into, built once by the composition root. */
export interface HttpDeps {
  config: Config;
  logger: Logger;
  store: Store;
  queue: Queue;
  bus: Bus;
  accounts: AccountsDeps;
  inbox: InboxDeps;
  channels: ChannelRegistry;
  secrets: InstallationSecrets;
  recordDelivery: DeliveryRecorder;
  /** Folder of the built console, served at `/`. */
  consoleDir: string;
  commerce: CommerceDeps;
  publishing: PublishingDeps;
  /** State shared by every `serve` process (presence, counters, open lines); in memory when absent. */
  shared?: SharedState;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    /** The CSRF token bound to the caller's session, when there is one. */
    sessionCsrf: string | null;
  }
  interface FastifyRequest {
    /** The site-chat visitor of a `visitor` route. */
    visitor: VisitorCall | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; required on every route (`access.ts`). */
    access?: RouteAccess;
  }
}
