import type { Clock, Logger } from '../kernel/index.ts';
import { createPresence, type Presence, type PresenceEntry } from './presence.ts';
import { openRedis, redisReady, whenReady, type RedisClient } from './redis-client.ts';
import { createMemoryDeadlines, createMemoryLines, createMemoryWindow, type Deadlines, type LineCounter, type SharedState, type SlidingWindow } from './shared-state.ts';

export interface RedisSharedStateOptions {
  redisUrl: string;
  prefix?: string;
  clock: Clock;
  logger?: Logger;
  /** How long an entry (presence, an open line) outlives its last refresh (default 30 s). */
  ttlMs?: number;
}

// Drop what fell out of the window; answer the score of the oldest action still blocking, or 0.
const WINDOW_BLOCKED = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local n = redis.call('ZCARD', KEYS[1])
local max = tonumber(ARGV[2])
if n < max then return 0 end
local oldest = redis.call('ZRANGE', KEYS[1], n - max, n - max, 'WITHSCORES')
return oldest[2]`;

const WINDOW_ADD = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
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

  return {
    driver: 'redis',
    redis,
    prefix,
    presence,
    lines,
    window(name, windowOptions) {
      const local = createMemoryWindow({ ...windowOptions, clock });
      return createRedisWindow(redis, `${prefix}window:${name}:`, windowOptions, clock, up, local, warn('counter'));
    },
    deadlines(name) {
      return createRedisDeadlines(redis, `${prefix}deadline:${name}:`, clock, up, warn('deadline'));
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      clearInterval(timer);
      redis.disconnect();
    },
  };
}

function createRedisWindow(redis: RedisClient, keyPrefix: string, options: { max: number; windowMs: number }, clock: Clock, up: () => boolean, local: SlidingWindow, warn: (error: unknown) => void): SlidingWindow {
  let counter = 0;
  return {
    async blockedFor(key) {
      if (!up()) return local.blockedFor(key);
      const now = clock.now();
      try {
        const oldest = Number(await redis.eval(WINDOW_BLOCKED, 1, keyPrefix + key, now - options.windowMs, options.max));
        if (!oldest) return 0;
        return Math.max(1, Math.ceil((oldest + options.windowMs - now) / 1000));
      } catch (error) {
        warn(error);
        return local.blockedFor(key);
      }
    },
    async fail(key) {
      await local.fail(key);
      if (!up()) return;
      const now = clock.now();
      await redis.eval(WINDOW_ADD, 1, keyPrefix + key, now, `${now}:${process.pid}:${counter++}:${Math.random()}`, options.windowMs).catch(warn);
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
