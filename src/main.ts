/**
 * The composition root: the one place that picks drivers from validated config and wires
 * the modules together. Embedded default: SQLite, the SQLite queue and the in-process bus.
 * Scale: PostgreSQL (data and pg-boss jobs), several `serve` and `worker` processes.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createDatabaseThrottle, createMemoryThrottle, purgeExpiredSessions, purgeThrottleCounters, type AccountsDeps } from './accounts/index.ts';
import { createLogger, createSealer, sha256Hex, systemClock, type Clock, type Config, type Logger } from './kernel/index.ts';
import { createChannelRegistry, createXProvider, metaProvider, webchatProvider, xProvider, type ChannelProvider, type ChannelRegistry, type InstallationSecrets } from './channels/index.ts';
import { backfillAllChannels, backfillChannel, BACKFILL_ALL_QUEUE, BACKFILL_QUEUE, createDeliveryRecorder, deliverOutbound, fetchProfile, processDeliveries, retrainWorkspace, wakeSnoozed, RETRAIN_QUEUE, PROCESS_ATTEMPTS, PROCESS_QUEUE, PROFILE_QUEUE, SEND_QUEUE, type InboxDeps, type ProfileJob } from './inbox/index.ts';
import { EXPORT_QUEUE as REPORTS_EXPORT_QUEUE, REFRESH_QUEUE as REPORTS_REFRESH_QUEUE, WEEKLY_QUEUE as REPORTS_WEEKLY_QUEUE, refreshDirty, runExport, sendWeeklySummaries } from './reports/index.ts';
import { autoAssign, monitorSla, refreshSlaMetrics, routingJobs, SLA_MONITOR_QUEUE, type OnSlaEvent } from './inbox/index.ts';
import { createThreadLockMemory, openStore, threadLock, type Store } from './store/index.ts';
import { createPgBossQueue, createSqliteQueue, registerJobs, schedulePeriodic, withPeriodicSlots, type Queue } from './jobs/index.ts';
import { createMemoryBus, createMemorySharedState, createRedisBus, createRedisSharedState, type Bus, type SharedState } from './realtime/index.ts';
import { startProcessingThread, type ProcessingThread } from './processing-thread.ts';
import { buildHttpApp } from './http/index.ts';
import { createWorkspaceClassifiers } from './insight/index.ts';
import { runRulesForEvent, runRulesForMessage, RULES_QUEUE, type RulesDeps, type RulesJob } from './inbox/index.ts';
import { applyAllRetention, handleShopPrivacyRequest, RETENTION_QUEUE, SHOP_PRIVACY_QUEUE, type PrivacyDeps } from './privacy/index.ts';
import { notifyHooks, processShopDelivery, reconcileAllShops, SHOP_UPSERTED_QUEUE, reconcileShop, shopAdapters, SHOP_PROCESS_ATTEMPTS, SHOP_PROCESS_QUEUE, SHOP_RECONCILE_ALL_QUEUE, SHOP_RECONCILE_QUEUE, type CommerceDeps, type CommerceHooks } from './commerce/index.ts';
import { attributeOrder, onCheckoutUpserted, recoverAbandonedCarts, RECOVER_QUEUE, type RecoveryDeps } from './commerce/index.ts';
import { contestsDepsFrom, purgeExpiredContests, refreshOpenContests, CONTESTS_PURGE_QUEUE, CONTESTS_REFRESH_QUEUE } from './contests/index.ts';
import { METRICS_QUEUE, pollEngagement, publishers, publishVersion, PUBLISH_QUEUE, sweepDue, SWEEP_QUEUE, type PublishingDeps, type PublishJob } from './publishing/index.ts';

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

const PURGE_SESSIONS_EVERY_MS = 60 * 60_000;

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
  const inbox: InboxDeps = { db: store.db, clock, queue, bus, channels, sealer: createSealer(config.secretKey), logger, classifiers: createWorkspaceClassifiers(store.db) };
  queue.work(PROCESS_QUEUE, async (payload, job) => {
    const { eventIds } = payload as { eventIds: string[] };
    await processDeliveries(inbox, eventIds, { ...job, maxAttempts: PROCESS_ATTEMPTS });
  });
  queue.work(PROFILE_QUEUE, async (payload) => fetchProfile(inbox, payload as ProfileJob));
  queue.work(SEND_QUEUE, async (payload, job) => deliverOutbound(inbox, payload as { workspaceId: string; outboundId: string }, job), { concurrency: 2 });

  queue.work('sessions.purge', async () => {
    const purged = await purgeExpiredSessions(accounts);
    await purgeThrottleCounters(store.db, clock.now());
    if (purged > 0) logger.info({ purged }, 'expired sessions purged');
  });
  // Jobs that may run past the 30 s lease: pg-boss (no heartbeat) holds them 10 minutes.
  const long = { maxRunMs: 10 * 60_000 };
  queue.work(RETRAIN_QUEUE, async (payload) => {
    const version = await retrainWorkspace(inbox, (payload as { workspaceId: string }).workspaceId);
    logger.info({ version }, 'workspace model retrained');
  }, long);
  queue.work(BACKFILL_QUEUE, async (payload) => {
    await backfillChannel(inbox, payload as { workspaceId: string; channelId: string });
  }, long);
  queue.work(BACKFILL_ALL_QUEUE, async () => backfillAllChannels(inbox));
  // A rule's round robin is routing's own pick among online agents under capacity.
  const rulesDeps: RulesDeps = { ...inbox, autoAssign: (workspaceId, conversationId) => autoAssign(inbox, workspaceId, conversationId) };
  queue.work(RULES_QUEUE, async (payload) => runRulesForMessage(rulesDeps, payload as RulesJob));
  // Shops: webhooks are written by `commerce.process`; reconciliation fills what they missed.
  // Each order written is attributed and each checkout watched for abandonment; `hooks` are
  // extra listeners (tests, extensions) called after them.
  const builtIn: Required<CommerceHooks> = {
    onOrderUpserted: async (workspaceId, orderId) => { await attributeOrder({ db: store.db, clock }, workspaceId, orderId); },
    onCheckoutUpserted: (workspaceId, checkoutId) => onCheckoutUpserted({ inbox }, workspaceId, checkoutId),
  };
  const commerce: CommerceDeps = { db: store.db, clock, queue, sealer: inbox.sealer, logger, platforms: new Map(shopAdapters), hooks: options.commerceHooks ?? {}, bus };
  queue.work(SHOP_PROCESS_QUEUE, async (payload, job) => processShopDelivery(commerce, (payload as { eventId: string }).eventId, { ...job, maxAttempts: SHOP_PROCESS_ATTEMPTS }));
  queue.work(SHOP_UPSERTED_QUEUE, async (payload) => {
    const upserted = payload as Parameters<typeof notifyHooks>[1];
    await notifyHooks({ hooks: builtIn }, upserted);
    await notifyHooks(commerce, upserted);
  });
  queue.work(SHOP_RECONCILE_QUEUE, async (payload) => {
    await reconcileShop(commerce, payload as { workspaceId: string; channelId: string });
  }, long);
  queue.work(SHOP_RECONCILE_ALL_QUEUE, async () => {
    await reconcileAllShops(commerce);
  });
  queue.work('conversations.wake', async () => {
    await wakeSnoozed(inbox);
  });
  // Routing: a conversation a customer opens is offered to its team; an agent coming online
  // picks up what waits in Unassigned.
  registerJobs(queue, routingJobs(inbox));
  // SLA transitions (due soon, breached), once each; escalations (notify, reassign, raise
  // priority) are rules on these events. Realtime hears them too.
  const onSlaEvent: OnSlaEvent = (workspaceId, conversationId, event, transition) => runRulesForEvent(rulesDeps, { workspaceId, event, conversationId, eventKey: transition.eventKey });
  queue.work(SLA_MONITOR_QUEUE, async () => {
    await monitorSla(inbox, onSlaEvent);
    await refreshSlaMetrics(inbox);
  });
  // Cart recovery (a cart found abandoned is also a rules event) and shop privacy requests.
  const recovery: RecoveryDeps = {
    inbox,
    shops: (platform) => shopAdapters.get(platform),
    // Keyed by the checkout: a second abandoned cart in one conversation is a new event.
    cartAbandoned: (workspaceId, conversationId, checkoutId) => runRulesForEvent(rulesDeps, { workspaceId, event: 'cart_abandoned', conversationId, eventKey: `cart_abandoned:${checkoutId}` }),
  };
  const privacy: PrivacyDeps = { db: store.db, dialect: store.dialect, clock, queue, logger, bus };
  queue.work(RECOVER_QUEUE, async () => {
    await recoverAbandonedCarts(recovery);
  });
  queue.work(SHOP_PRIVACY_QUEUE, async (payload) => handleShopPrivacyRequest(privacy, payload), long);
  queue.work(RETENTION_QUEUE, async () => applyAllRetention(privacy), long);
  // Publishing: each version's job at its time; the sweep re-offers lost or crashed ones; engagement polls.
  const publishing: PublishingDeps = {
    db: store.db, clock, queue, bus, sealer: inbox.sealer, logger, publishers, publicUrl: () => accounts.settings.publicUrl,
  };
  queue.work(PUBLISH_QUEUE, async (payload) => publishVersion(publishing, payload as PublishJob), { concurrency: 2 });
  queue.work(SWEEP_QUEUE, async () => { await sweepDue(publishing); });
  queue.work(METRICS_QUEUE, async () => { await pollEngagement(publishing); });
  // Reports: conversations the triggers marked dirty are recomputed and the rollups moved;
  // long CSV exports and the weekly summary run here.
  queue.work(REPORTS_REFRESH_QUEUE, async () => { await refreshDirty({ db: store.db, clock }); }, long);
  queue.work(REPORTS_EXPORT_QUEUE, async (payload) => runExport({ db: store.db, clock }, payload as { workspaceId: string; exportId: string }), long);
  queue.work(REPORTS_WEEKLY_QUEUE, async () => { await sendWeeklySummaries({ db: store.db, dialect: store.dialect.name, clock, publish: (w, type, data) => bus.publish(w, type, data) }); }, long);
  // Contests: new comments re-count the open contests' entries (the consoles hear the counts);
  // entries past their retention are deleted daily.
  const contests = contestsDepsFrom(inbox, (platform) => shopAdapters.get(platform));
  inbox.onIngested = async (workspaceIds) => {
    for (const workspaceId of workspaceIds) await queue.enqueue(CONTESTS_REFRESH_QUEUE, { workspaceId }, { singletonKey: `contests:${workspaceId}`, delayMs: 200 });
  };
  queue.work(CONTESTS_REFRESH_QUEUE, async (payload) => { await refreshOpenContests(contests, (payload as { workspaceId: string }).workspaceId); });
  queue.work(CONTESTS_PURGE_QUEUE, async () => { await purgeExpiredContests(contests); });

  // Periodic jobs: each worker process offers them; one job per period runs (`schedulePeriodic`).
  // Back-fill at start and every 5 minutes (X retries nothing below its enterprise tier); SLA
  // transitions and abandoned carts every minute; shop reconciliation every 15 minutes.
  const periodic: [string, number][] = [
    ['sessions.purge', PURGE_SESSIONS_EVERY_MS], ['conversations.wake', 60_000], [BACKFILL_ALL_QUEUE, 5 * 60_000],
    [SLA_MONITOR_QUEUE, 60_000], [RECOVER_QUEUE, 60_000], [SHOP_RECONCILE_ALL_QUEUE, 15 * 60_000], [RETENTION_QUEUE, 6 * 60 * 60_000],
    [SWEEP_QUEUE, 60_000], [METRICS_QUEUE, 60_000],
    [REPORTS_REFRESH_QUEUE, 60_000], [REPORTS_WEEKLY_QUEUE, 60 * 60_000],
    [CONTESTS_PURGE_QUEUE, 24 * 60 * 60_000],
  ];
  for (const [name, every] of periodic) periodicEvery.set(name, every);
  const scheduler = schedulePeriodic({ db: store.db, queue, clock, logger }, periodic.map(([name, everyMs]) => ({ queue: name, everyMs })));

  const app = role === 'worker'
    ? undefined
    : await buildHttpApp({ config, logger, store, queue, bus, accounts, inbox, channels, secrets, recordDelivery: createDeliveryRecorder(inbox), consoleDir: options.consoleDir ?? defaultConsoleDir, commerce, publishing, shared });

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
