import type { Clock, Logger } from '../kernel/index.ts';
import { createPresence, type Presence, type PresenceEntry } from './presence.ts';
import { openRedis, redisReady, whenReady, type RedisClient } from './redis-client.ts';
import { createMemoryDeadlines, createMemoryLines, type Deadlines, type LineCounter, type SharedState, type SharedThrottle } from './shared-state.ts';

export interface RedisSharedStateOptions {
  redisUrl: string;
  prefix?: string;
  clock: Clock;
  logger?: Logger;
  /** How long an entry (presence, an open line) outlives its last refresh (default 30 s). */
  ttlMs?: number;
  /** Counts for this process alone while Redis is away (the accounts memory throttle). */
  fallbackThrottle: SharedThrottle;
}

// A fixed window per key: the first attempt starts it (and its expiry); answers count and ms left.
const THROTTLE_TAKE = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

const THROTTLE_GIVE_BACK = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 1`;

// Lines are members scored by their expiry; a dead process's lines lapse by themselves.
const LINE_ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * Shared state in Redis for several `serve` processes (ADR 0017). While Redis is away every
 * call falls back to this process's own memory: limits hold per process, presence shows the
 * agents this process holds, and once Redis answers again the next refresh writes them back.
 *
 * @example const shared = createRedisSharedState({ redisUrl, prefix: 'relais:', clock });
 */
export async function createRedisSharedState(options: RedisSharedStateOptions): Promise<SharedState> {
  const { clock, logger } = options;
  const prefix = options.prefix ?? 'relais:';
  const ttlMs = options.ttlMs ?? 30_000;
  const redis = openRedis(options.redisUrl, logger, 'shared state');
  await whenReady(redis);
  const up = () => redisReady(redis);
  const warn = (what: string) => (error: unknown) => { logger?.debug({ err: error }, `Redis ${what} failed; using this process's memory`); };

  const presence = createRedisPresence(redis, prefix, ttlMs, clock, up, warn('presence'));
  const lines = createRedisLines(redis, prefix, ttlMs, clock, up, warn('lines'));
  const timer = setInterval(() => { void presence.refresh(); void lines.refresh(); }, Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();

  // Job wake-ups ride pub/sub on a connection of their own, opened by the first listener.
  const wakeChannel = `${prefix}jobs:sent`;
  let wakeSubscriber: RedisClient | undefined;
  const jobWake = {
    tell(queue: string) {
      if (up()) redis.publish(wakeChannel, queue).catch(() => {});
    },
    listen(wake: (queue: string) => void) {
      wakeSubscriber ??= openRedis(options.redisUrl, logger, 'job wake-ups', { subscriber: true });
      wakeSubscriber.on('message', (_channel: string, queue: string) => wake(queue));
      wakeSubscriber.subscribe(wakeChannel).catch(warn('job wake-up subscription'));
    },
  };

  return {
    driver: 'redis',
    jobWake,
    redis,
    prefix,
    presence,
    lines,
    throttle: createRedisThrottle(redis, `${prefix}throttle:`, up, options.fallbackThrottle, warn('counter')),
    deadlines(name) {
      return createRedisDeadlines(redis, `${prefix}deadline:${name}:`, clock, up, warn('deadline'));
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      clearInterval(timer);
      wakeSubscriber?.disconnect();
      redis.disconnect();
    },
  };
}

function createRedisThrottle(redis: RedisClient, keyPrefix: string, up: () => boolean, local: SharedThrottle, warn: (error: unknown) => void): SharedThrottle {
  return {
    async take(key, limit) {
      if (!up()) return local.take(key, limit);
      try {
        const [count, ttl] = (await redis.eval(THROTTLE_TAKE, 1, keyPrefix + key, limit.windowMs)) as [number, number];
        return count <= limit.max ? 0 : Math.max(1, Math.ceil(ttl / 1000));
      } catch (error) {
        warn(error);
        return local.take(key, limit);
      }
    },
    async giveBack(key) {
      if (up()) await redis.eval(THROTTLE_GIVE_BACK, 1, keyPrefix + key).catch(warn);
      else await local.giveBack(key);
    },
    async reset(key) {
      await local.reset(key);
      if (up()) await redis.del(keyPrefix + key).catch(warn);
    },
  };
}

function createRedisLines(redis: RedisClient, prefix: string, ttlMs: number, clock: Clock, up: () => boolean, warn: (error: unknown) => void): LineCounter & { refresh(): Promise<void> } {
  const local = createMemoryLines();
  const held = new Map<string, Set<string>>();
  const keyOf = (key: string) => `${prefix}lines:${key}`;
  return {
    async acquire(key, lineId, max) {
      let taken: boolean;
      if (!up()) {
        taken = await local.acquire(key, lineId, max);
      } else {
        try {
          const now = clock.now();
          taken = Number(await redis.eval(LINE_ACQUIRE, 1, keyOf(key), now, lineId, max, now + ttlMs, ttlMs * 2)) === 1;
        } catch (error) {
          warn(error);
          taken = await local.acquire(key, lineId, max);
        }
      }
      if (taken) held.set(key, (held.get(key) ?? new Set()).add(lineId));
      return taken;
    },
    async release(key, lineId) {
      await local.release(key, lineId);
      const mine = held.get(key);
      mine?.delete(lineId);
      if (mine?.size === 0) held.delete(key);
      if (up()) await redis.zrem(keyOf(key), lineId).catch(warn);
    },
    async refresh() {
      if (!up() || held.size === 0) return;
      const until = clock.now() + ttlMs;
      const batch = redis.pipeline();
      for (const [key, ids] of held) {
        for (const id of ids) batch.zadd(keyOf(key), until, id);
        batch.pexpire(keyOf(key), ttlMs * 2);
      }
      await batch.exec().catch(warn);
    },
  };
}

function createRedisPresence(redis: RedisClient, prefix: string, ttlMs: number, clock: Clock, up: () => boolean, warn: (error: unknown) => void): Presence {
  const local = createPresence();
  const mine = new Map<string, Map<string, PresenceEntry>>();
  const keyOf = (workspaceId: string) => `${prefix}presence:${workspaceId}`;
  const fallback = (workspaceId: string) => local.list(workspaceId);

  async function list(workspaceId: string): Promise<PresenceEntry[]> {
    if (!up()) return fallback(workspaceId);
    try {
      const fields = await redis.hgetall(keyOf(workspaceId));
      const now = clock.now();
      const live: PresenceEntry[] = [];
      const expired: string[] = [];
      for (const [socketId, text] of Object.entries(fields)) {
        const stored = JSON.parse(text) as { entry: PresenceEntry; until: number };
        if (stored.until > now) live.push(stored.entry);
        else expired.push(socketId);
      }
      if (expired.length > 0) await redis.hdel(keyOf(workspaceId), ...expired);
      return live;
    } catch (error) {
      warn(error);
      return fallback(workspaceId);
    }
  }

  return {
    refreshMs: Math.max(100, Math.floor(ttlMs / 3)),
    async set(workspaceId, socketId, entry) {
      await local.set(workspaceId, socketId, entry);
      mine.set(workspaceId, (mine.get(workspaceId) ?? new Map<string, PresenceEntry>()).set(socketId, entry));
      if (up()) {
        await redis.multi().hset(keyOf(workspaceId), socketId, JSON.stringify({ entry, until: clock.now() + ttlMs })).pexpire(keyOf(workspaceId), ttlMs * 2).exec().catch(warn);
      }
      return list(workspaceId);
    },
    async remove(workspaceId, socketId) {
      await local.remove(workspaceId, socketId);
      const sockets = mine.get(workspaceId);
      sockets?.delete(socketId);
      if (sockets?.size === 0) mine.delete(workspaceId);
      if (up()) await redis.hdel(keyOf(workspaceId), socketId).catch(warn);
      return list(workspaceId);
    },
    list,
    async refresh() {
      if (!up() || mine.size === 0) return;
      const until = clock.now() + ttlMs;
      const batch = redis.pipeline();
      for (const [workspaceId, sockets] of mine) {
        for (const [socketId, entry] of sockets) batch.hset(keyOf(workspaceId), socketId, JSON.stringify({ entry, until }));
        batch.pexpire(keyOf(workspaceId), ttlMs * 2);
      }
      await batch.exec().catch(warn);
    },
  };
}

// Keeps the later of the stored and the new time; the key expires with it.
const DEADLINE_CLOSE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

function createRedisDeadlines(redis: RedisClient, keyPrefix: string, clock: Clock, up: () => boolean, warn: (error: unknown) => void): Deadlines {
  const local = createMemoryDeadlines(clock);
  return {
    async closedUntil(key) {
      const mine = await local.closedUntil(key);
      if (!up()) return mine;
      try {
        const stored = Number(await redis.get(keyPrefix + key));
        const until = Math.max(mine ?? 0, stored || 0);
        return until > clock.now() ? until : undefined;
      } catch (error) {
        warn(error);
        return mine;
      }
    },
    async close(key, until) {
      await local.close(key, until);
      const ttl = until - clock.now();
      if (ttl > 0 && up()) await redis.eval(DEADLINE_CLOSE, 1, keyPrefix + key, until, ttl).catch(warn);
    },
  };
}
