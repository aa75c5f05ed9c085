import { Redis } from 'ioredis';
import type { Logger } from '../kernel/index.ts';

/** The Redis connection scale mode shares between the bus, presence and counters. */
export type RedisClient = Redis;

/**
 * Opens a Redis connection that never queues commands while Redis is away: a caller gets an
 * error at once and falls back (the database is the truth), instead of waiting on a backlog.
 * ioredis reconnects by itself, every half second at most, and re-subscribes its channels.
 *
 * @example const redis = openRedis(config.redisUrl, logger, 'commands');
 */
export function openRedis(url: string, logger: Logger | undefined, role: string, options: { subscriber?: boolean } = {}): RedisClient {
  const redis = new Redis(url, {
    lazyConnect: false,
    // A subscriber's SUBSCRIBE waits for the connection (and is replayed on every reconnect).
    enableOfflineQueue: options.subscriber === true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 500),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger?.warn({ err: error, role }, 'Redis unreachable; realtime degrades until it returns');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger?.info({ role }, 'Redis is back');
    down = false;
  });
  return redis;
}

/** True when the connection can take commands now. */
export function redisReady(redis: RedisClient): boolean {
  return redis.status === 'ready';
}

/** Waits until the connection is ready, at most `ms`: a process started while Redis is away still starts, degraded. */
export async function whenReady(redis: RedisClient, ms = 2000): Promise<boolean> {
  if (redisReady(redis)) return true;
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    redis.once('ready', onReady);
  });
}
