/**
 * The composition root: the one place that picks drivers from validated config and wires
 * the modules together. Embedded default: SQLite, the SQLite queue and the in-process bus.
 * Scale: PostgreSQL (data and pg-boss jobs), several `serve` and `worker` processes.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { accountsJobs, createDatabaseThrottle, createMemoryThrottle, type AccountsDeps } from './accounts/index.ts';
import { createLogger, createSealer, sha256Hex, systemClock, type Clock, type Config, type Logger } from './kernel/index.ts';
import { createChannelRegistry, createXProvider, metaProvider, webchatProvider, xProvider, type ChannelProvider, type ChannelRegistry, type InstallationSecrets } from './channels/index.ts';
import { autoAssign, createDeliveryRecorder, inboxJobs, runRulesForEvent, type InboxDeps, type OnSlaEvent, type RulesDeps } from './inbox/index.ts';
import { reportsJobs } from './reports/index.ts';
import { createThreadLockMemory, openStore, refreshStatistics, threadLock, type Db, type Store } from './store/index.ts';
import { createPgBossQueue, createSqliteQueue, definePeriodicJob, registerJobs, schedulePeriodic, withPeriodicSlots, type JobDefinition, type Queue } from './jobs/index.ts';
import { createMemoryBus, createMemorySharedState, createRedisBus, createRedisSharedState, type Bus, type SharedState } from './realtime/index.ts';
import { startProcessingThread, type ProcessingThread } from './processing-thread.ts';
import { buildHttpApp } from './http/index.ts';
import { createWorkspaceClassifiers } from './insight/index.ts';
import { privacyJobs, type PrivacyDeps } from './privacy/index.ts';
import { commerceJobs, queueShopProcessing, recoveryDepsFrom, shopAdapters, type CommerceDeps, type CommerceHooks } from './commerce/index.ts';
import { contestsDepsFrom, contestsJobs, queueEntriesRefresh } from './contests/index.ts';
import { publishers, publishingJobs, type PublishingDeps } from './publishing/index.ts';
import { webhookJobs } from './webhooks/index.ts';

export type ProcessRole = 'all' | 'serve' | 'worker';

/** The channel providers this build ships: adding a platform is one line here. */
export const channelProviders: ChannelProvider[] = [metaProvider, xProvider, webchatProvider];

export interface Relais {
  config: Config;
  logger: Logger;
  store: Store;
  queue: Queue;
  bus: Bus;
  accounts: AccountsDeps;
  inbox: InboxDeps;
  channels: ChannelRegistry;
  commerce: CommerceDeps;
  publishing: PublishingDeps;
  /** The HTTP app; absent in a worker-only process. */
  app: FastifyInstance | undefined;
  /** Starts what this process runs (HTTP, workers) and answers the base URL when serving. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export const defaultConsoleDir = fileURLToPath(new URL('../web/console/dist', import.meta.url));

/**
 * Builds a Relais from config. Migrations run here, so every process starts on the
 * current schema.
 *
 * @example const relais = await createRelais(loadConfig()); await relais.listen();
 */
export async function createRelais(config: Config, options: { role?: ProcessRole; clock?: Clock; logger?: Logger; consoleDir?: string; providers?: ChannelProvider[]; commerceHooks?: CommerceHooks; bus?: Bus; processing?: 'inline' | 'thread'; threadLockMemory?: SharedArrayBuffer } = {}): Promise<Relais> {
  const role = options.role ?? 'all';
  // `processing: 'thread'` (what `relais start` asks for): the jobs of role 'all' run on a
  // worker thread with its own connection, so none of them holds up an acknowledgement.
  const threaded = role === 'all' && options.processing === 'thread';
  const runsJobs = role === 'worker' || (role === 'all' && !threaded);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  // The two threads on one SQLite file take turns through a lock in shared memory (store/thread-lock.ts).
  const lockMemory = threaded && config.database.kind === 'sqlite' ? createThreadLockMemory() : options.threadLockMemory;
  const store = openStore(config.database, lockMemory ? { threadLock: threadLock(lockMemory, { first: threaded }), checkpoints: !threaded } : {});
  await store.migrate();

  // Scale mode (ADR 0017): Redis carries events between processes and holds what they share.
  const { redisUrl, redisPrefix: prefix } = config;
  const fallbackThrottle = createMemoryThrottle({ clock });
  const shared: SharedState = redisUrl ? await createRedisSharedState({ redisUrl, prefix, clock, logger, fallbackThrottle }) : createMemorySharedState(clock, fallbackThrottle);
  // Periodic jobs (listed below) run once per period however many workers offer them.
  const periodicEvery = new Map<string, number>();
  const queue = withPeriodicSlots(config.database.kind === 'sqlite'
    ? createSqliteQueue({ db: store.db, clock, logger, lockMs: config.jobs.leaseMs, ...(role === 'worker' ? { watchOtherWritersMs: 5 } : {}) })
    : createPgBossQueue({ connectionString: config.database.url, logger, leaseSeconds: config.jobs.leaseMs / 1000, pollIntervalSeconds: config.jobPollSeconds, ...(shared.jobWake ? { crossProcess: shared.jobWake } : {}) }), { db: store.db, clock, logger }, periodicEvery);
  const bus = options.bus ?? (redisUrl ? await createRedisBus({ db: store.db, redisUrl, prefix, clock, logger }) : createMemoryBus({ clock }));
  const accounts: AccountsDeps = {
    db: store.db,
    clock,
    throttle: createDatabaseThrottle({ db: store.db, clock }),
    settings: { publicUrl: config.publicUrl, session: config.session, signIn: config.signIn },
  };

  // Scale mode: an X token's spent window is closed for every worker, not learnt by each.
  const providers = options.providers ?? (shared.driver === 'redis' ? channelProviders.map((provider) => (provider === xProvider ? createXProvider({ gateStore: shared.deadlines('x') }) : provider)) : channelProviders);
  const channels = createChannelRegistry(providers);
  const secrets = installationSecrets(config);
  const inbox: InboxDeps = { db: store.db, clock, queue, bus, channels, sealer: createSealer(config.secretKey), logger, classifiers: createWorkspaceClassifiers(store.db), writersWaiting: store.dialect.name === 'sqlite' ? store.writersWaiting : undefined, intakeRate: store.dialect.name === 'sqlite' ? store.intakeRate : undefined, readsAhead: store.dialect.name === 'postgres' };
  // A rule's round robin is routing's own pick among online agents under capacity.
  const rulesDeps: RulesDeps = { ...inbox, autoAssign: (workspaceId, conversationId) => autoAssign(inbox, workspaceId, conversationId) };
  // SLA transitions are rules events; so is a cart found abandoned (keyed by the checkout: a
  // second abandoned cart in one conversation is a new event).
  const onSlaEvent: OnSlaEvent = (workspaceId, conversationId, event, transition) => runRulesForEvent(rulesDeps, { workspaceId, event, conversationId, eventKey: transition.eventKey });
  const commerce: CommerceDeps = { db: store.db, clock, queue, sealer: inbox.sealer, logger, platforms: new Map(shopAdapters), hooks: options.commerceHooks ?? {}, bus };
  const recovery = recoveryDepsFrom(inbox, {
    shops: (platform) => shopAdapters.get(platform),
    cartAbandoned: (workspaceId, conversationId, checkoutId) => runRulesForEvent(rulesDeps, { workspaceId, event: 'cart_abandoned', conversationId, eventKey: `cart_abandoned:${checkoutId}` }),
  });
  // An admin's replay of a shop delivery queues commerce's own processing job.
  inbox.replayers = new Map([...shopAdapters.keys()].map((provider) => [provider, (db: Db, eventId: string) => queueShopProcessing(queue, db, eventId)]));
  const privacy: PrivacyDeps = { db: store.db, dialect: store.dialect, clock, queue, logger, bus };
  const publishing: PublishingDeps = {
    db: store.db, clock, queue, bus, sealer: inbox.sealer, logger, publishers, publicUrl: () => accounts.settings.publicUrl,
  };
  const contests = contestsDepsFrom(inbox, (platform) => shopAdapters.get(platform));
  inbox.onIngested = (workspaceIds, db) => queueEntriesRefresh(queue, workspaceIds, db);

  // Every job, each module's own definitions (name, payload schema, handler; src/jobs/define-job.ts),
  // registered in one loop; the periodic ones are offered by each worker and run once per period.
  const jobs: JobDefinition<any>[] = [
    ...accountsJobs(accounts, logger),
    ...inboxJobs(inbox, { rules: rulesDeps, onSlaEvent }),
    ...commerceJobs(commerce, recovery),
    ...privacyJobs(privacy),
    ...publishingJobs(publishing),
    ...reportsJobs({ db: store.db, dialect: store.dialect.name, clock, publish: (w, type, data) => bus.publish(w, type, data) }),
    ...contestsJobs(contests),
    // Outgoing webhooks: fan-out, signed deliveries with their retries, and the sweep.
    ...webhookJobs({ db: store.db, clock, queue, sealer: inbox.sealer, bus, logger }),
    // PostgreSQL without autovacuum: the planner's statistics kept fresh (ADR 0028), every 15 s so
    // that a table growing from empty (a new installation, an import) is not read blind for long.
    // Not registered on SQLite, where it would only claim a job for nothing.
    ...(store.dialect.name === 'postgres' ? [definePeriodicJob({ name: 'store.statistics', everyMs: 15_000, handler: async () => {
      const analyzed = await refreshStatistics(store.db, store.dialect.name);
      if (analyzed.length > 0) logger.info({ tables: analyzed }, 'table statistics refreshed (autovacuum is off)');
    } })] : []),
  ];
  const periodic = registerJobs(queue, jobs);
  for (const { queue: name, everyMs } of periodic) periodicEvery.set(name, everyMs);
  const scheduler = schedulePeriodic({ db: store.db, queue, clock, logger }, periodic);

  const app = role === 'worker'
    ? undefined
    : await buildHttpApp({ config, logger, store, queue, bus, accounts, inbox, channels, secrets, recordDelivery: createDeliveryRecorder(inbox, { dialect: store.dialect.name, announce: store.announceWaitingWrites, announceRate: store.dialect.name === 'sqlite' ? store.announceIntakeRate : undefined }), consoleDir: options.consoleDir ?? defaultConsoleDir, commerce, publishing, shared });

  let url = '';
  let thread: ProcessingThread | undefined;
  return {
    config, logger, store, queue, bus, accounts, inbox, channels, commerce, publishing, app,
    async listen() {
      if (runsJobs) {
        await queue.start();
        await scheduler.start();
      }
      if (app) url = await app.listen({ port: config.port, host: config.host });
      // On a port picked by the system, links (invitations) must carry the real one.
      if (url && config.port === 0 && accounts.settings.publicUrl.endsWith(':0')) accounts.settings.publicUrl = url;
      if (threaded) thread ??= await startProcessingThread({ ...config, publicUrl: accounts.settings.publicUrl }, bus, logger, lockMemory);
      return url;
    },
    async close() {
      scheduler.stop();
      await app?.close();
      await thread?.stop();
      await queue.stop();
      await bus.close();
      await shared.close();
      await store.close();
    },
  };
}

/** App-level platform secrets; an owner setting them in the console comes later. */
function installationSecrets(config: Config): InstallationSecrets {
  const values = {
    metaAppSecret: config.platformSecrets.metaAppSecret,
    metaVerifyToken: config.platformSecrets.metaVerifyToken,
    xConsumerSecret: config.platformSecrets.xConsumerSecret,
    shopifyAppSecret: config.platformSecrets.shopifyAppSecret,
    // Signs widget deliveries and visitor tokens; derived, so the installation key itself never leaves.
    webchatKey: sha256Hex(`relais-webchat:${config.secretKey}`),
    shopifyAppSecretPrevious: config.platformSecrets.shopifyAppSecretPrevious,
  };
  return { get: (name) => values[name] };
}
