import { sql } from 'kysely';
import { newId, systemClock, type Clock, type Logger } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Bus, BusEvent } from './bus.ts';
import { openRedis, redisReady, whenReady } from './redis-client.ts';

export interface RedisBusOptions {
  db: Db;
  redisUrl: string;
  /** Prefix of the channels, so installations and test runs sharing a Redis stay apart. */
  prefix?: string;
  clock?: Clock;
  logger?: Logger;
  /** Events kept per workspace for replay (default 2000). */
  replayLimit?: number;
  /** How often a lagging instance checks the database for events it did not hear (ms). */
  pollMs?: { healthy: number; degraded: number };
}

interface Watched {
  listeners: Set<(event: BusEvent) => void>;
  signalListeners: Set<(data: unknown) => void>;
  /** The last sequence delivered to this process's listeners; undefined before the first. */
  last: number | undefined;
  /** Deliveries of one workspace run one after the other, so listeners see sequences in order. */
  chain: Promise<void>;
}

type Wire = { kind: 'event'; event: BusEvent } | { kind: 'signal'; origin: string; data: unknown };

const EPOCH_KEY = 'realtime.epoch';

/**
 * The bus for several `serve` processes (ADR 0017). PostgreSQL numbers each workspace's
 * events (one row per workspace, taken under its row lock) and keeps the recent ones, so any
 * instance can replay what a client missed; Redis pub/sub only carries them, one channel per
 * workspace, to the instances holding sockets for it. An instance that hears sequence n+2
 * before n+1 (two publishers racing) reads n+1 from the database first; while Redis is away it
 * polls the database every second, and it catches up once Redis returns, so screens heal by
 * themselves. Publishing never fails because of Redis: the database write is the event.
 *
 * @example const bus = await createRedisBus({ db: store.db, redisUrl: config.redisUrl });
 */
export async function createRedisBus(options: RedisBusOptions): Promise<Bus> {
  const { db, logger } = options;
  const prefix = options.prefix ?? 'relais:';
  const clock = options.clock ?? systemClock;
  const replayLimit = options.replayLimit ?? 2000;
  const pollMs = options.pollMs ?? { healthy: 5000, degraded: 1000 };
  const origin = newId();
  const epoch = await loadEpoch(db, clock);
  const publisher = openRedis(options.redisUrl, logger, 'publisher');
  const subscriber = openRedis(options.redisUrl, logger, 'subscriber', { subscriber: true });
  await Promise.all([whenReady(publisher), whenReady(subscriber)]);
  const watched = new Map<string, Watched>();
  const channelOf = (workspaceId: string) => `${prefix}ws:${workspaceId}`;
  const workspaceOf = (channel: string) => channel.slice(`${prefix}ws:`.length);
  let closed = false;

  function slot(workspaceId: string): Watched {
    let entry = watched.get(workspaceId);
    if (!entry) {
      entry = { listeners: new Set(), signalListeners: new Set(), last: undefined, chain: Promise.resolve() };
      watched.set(workspaceId, entry);
      const fresh = entry;
      // Start from the head, so events published from now on are delivered, gaps included.
      fresh.chain = head(workspaceId).then((seq) => { fresh.last ??= seq; }, () => {});
      subscriber.subscribe(channelOf(workspaceId)).catch((error: unknown) => logger?.warn({ err: error }, 'Redis subscribe failed; polling the database meanwhile'));
    }
    return entry;
  }

  function release(workspaceId: string, entry: Watched): void {
    if (entry.listeners.size > 0 || entry.signalListeners.size > 0) return;
    watched.delete(workspaceId);
    subscriber.unsubscribe(channelOf(workspaceId)).catch(() => {});
  }

  function emit(entry: Watched, event: BusEvent): void {
    entry.last = event.seq;
    for (const listener of entry.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber must not stop the others from hearing the event.
      }
    }
  }

  /** Delivers `event` (or, without one, whatever the database holds) after any gap before it. */
  function deliver(workspaceId: string, event?: BusEvent): Promise<void> {
    const entry = watched.get(workspaceId);
    if (!entry) return Promise.resolve();
    entry.chain = entry.chain.then(async () => {
      if (event && event.epoch !== epoch) return;
      const last = entry.last;
      if (event && last !== undefined && event.seq <= last) return; // heard already
      if (event && (last === undefined || event.seq === last + 1)) return emit(entry, event);
      try {
        const missed = await readSince(workspaceId, last ?? 0, event ? event.seq : undefined);
        for (const known of missed) if (entry.last === undefined || known.seq > entry.last) emit(entry, known);
      } catch (error) {
        logger?.warn({ err: error, workspaceId }, 'could not read missed realtime events');
      }
      if (event && (entry.last === undefined || event.seq > entry.last)) emit(entry, event);
    }).catch(() => {});
    return entry.chain;
  }

  async function head(workspaceId: string): Promise<number> {
    const row = await db.selectFrom('realtime_sequences').select('seq').where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row ? Number(row.seq) : 0;
  }

  async function readSince(workspaceId: string, seq: number, upTo?: number): Promise<BusEvent[]> {
    let query = db.selectFrom('realtime_events').select(['seq', 'type', 'data', 'at'])
      .where('workspace_id', '=', workspaceId).where('seq', '>', seq);
    if (upTo !== undefined) query = query.where('seq', '<', upTo);
    const rows = await query.orderBy('seq').limit(replayLimit + 1).execute();
    return rows.map((row) => ({ workspaceId, epoch, seq: Number(row.seq), type: row.type, data: JSON.parse(row.data) as unknown, at: Number(row.at) }));
  }

  subscriber.on('message', (channel: string, text: string) => {
    let wire: Wire;
    try {
      wire = JSON.parse(text) as Wire;
    } catch {
      return;
    }
    const workspaceId = workspaceOf(channel);
    if (wire.kind === 'event') void deliver(workspaceId, wire.event);
    else if (wire.origin !== origin) signalLocally(workspaceId, wire.data);
  });

  // Whatever was published while this instance did not hear Redis is read back from the database.
  const catchUpAll = () => { for (const workspaceId of watched.keys()) void deliver(workspaceId); };
  subscriber.on('ready', catchUpAll);
  let lastPoll = 0;
  const poller = setInterval(() => {
    const now = Date.now();
    const every = redisReady(subscriber) ? pollMs.healthy : pollMs.degraded;
    if (now - lastPoll < every) return;
    lastPoll = now;
    void catchUpBehind();
  }, Math.min(pollMs.degraded, 250));
  poller.unref();

  /** Reads the heads of the watched workspaces at once; only those behind read their events. */
  async function catchUpBehind(): Promise<void> {
    const ids = [...watched.keys()];
    if (ids.length === 0 || closed) return;
    try {
      const rows = await db.selectFrom('realtime_sequences').select(['workspace_id', 'seq']).where('workspace_id', 'in', ids).execute();
      for (const row of rows) {
        const entry = watched.get(row.workspace_id);
        if (entry && (entry.last === undefined || entry.last < Number(row.seq))) void deliver(row.workspace_id);
      }
    } catch (error) {
      logger?.debug({ err: error }, 'realtime catch-up could not read the database');
    }
  }

  function signalLocally(workspaceId: string, data: unknown): void {
    for (const listener of watched.get(workspaceId)?.signalListeners ?? []) {
      try {
        listener(data);
      } catch {
        // Same as events: one broken tab does not silence the others.
      }
    }
  }

  /**
   * Numbers the events in one transaction (the sequence row taken once for all of them) and
   * hands them on in order. The sequence row stays locked until the event rows commit:
   * whoever gets n+1 commits after n.
   */
  async function publishMany(workspaceId: string, events: ReadonlyArray<{ type: string; data: unknown }>): Promise<BusEvent[]> {
    if (events.length === 0) return [];
    const at = clock.now();
    const json = events.map((event) => JSON.stringify(event.data ?? null));
    const last = await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('realtime_sequences').values({ workspace_id: workspaceId, seq: events.length })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ seq: sql<number>`realtime_sequences.seq + ${events.length}` }))
        .returning('seq').executeTakeFirstOrThrow();
      const next = Number(row.seq);
      const first = next - events.length + 1;
      await trx.insertInto('realtime_events').values(events.map((event, i) => ({ workspace_id: workspaceId, seq: first + i, type: event.type, data: json[i]!, at }))).execute();
      // Trimmed each time the sequence passes a hundred.
      if (Math.floor(next / 100) > Math.floor((first - 1) / 100)) await trx.deleteFrom('realtime_events').where('workspace_id', '=', workspaceId).where('seq', '<=', next - replayLimit).execute();
      return next;
    });
    const published = events.map((event, i): BusEvent => ({ workspaceId, epoch, seq: last - events.length + 1 + i, type: event.type, data: JSON.parse(json[i]!) as unknown, at }));
    for (const event of published) {
      // Local listeners hear it now, Redis or not; the copy coming back from Redis is skipped.
      if (watched.has(workspaceId)) void deliver(workspaceId, event);
      send(workspaceId, { kind: 'event', event });
    }
    return published;
  }

  function send(workspaceId: string, wire: Wire): void {
    if (!redisReady(publisher)) return;
    publisher.publish(channelOf(workspaceId), JSON.stringify(wire)).catch(() => {});
  }

  return {
    driver: 'redis',
    epoch,
    async publish(workspaceId, type, data) {
      const [event] = await publishMany(workspaceId, [{ type, data }]);
      return event!;
    },
    publishMany,
    subscribe(workspaceId, listener) {
      const entry = slot(workspaceId);
      entry.listeners.add(listener);
      return () => {
        entry.listeners.delete(listener);
        release(workspaceId, entry);
      };
    },
    head,
    async since(workspaceId, seq, clientEpoch) {
      if (clientEpoch !== epoch) return 'reload';
      const current = await head(workspaceId);
      if (seq > current) return 'reload';
      if (seq === current) return [];
      const events = await readSince(workspaceId, seq);
      if (events.length === 0 || events.length > replayLimit || events[0]!.seq !== seq + 1) return 'reload';
      return events;
    },
    signal(workspaceId, data) {
      signalLocally(workspaceId, data);
      send(workspaceId, { kind: 'signal', origin, data });
    },
    subscribeSignals(workspaceId, listener) {
      const entry = slot(workspaceId);
      entry.signalListeners.add(listener);
      return () => {
        entry.signalListeners.delete(listener);
        release(workspaceId, entry);
      };
    },
    async close() {
      closed = true;
      clearInterval(poller);
      watched.clear();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/** One epoch per installation, kept in the database: sequences never restart while it stands. */
async function loadEpoch(db: Db, clock: Clock): Promise<string> {
  await db.insertInto('installation_settings').values({ key: EPOCH_KEY, value: newId(), updated_at: clock.now() })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('installation_settings').select('value').where('key', '=', EPOCH_KEY).executeTakeFirstOrThrow();
  return row.value;
}
