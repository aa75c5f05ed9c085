/**
 * Real Redis for tests: the shared server (REDIS_URL or 127.0.0.1:6379) under a fresh key
 * prefix, or a private `redis-server` on a free port for tests that stop and start it (the
 * shared one is never stopped). Suites skip with a message when Redis is absent, unless CI=true.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export const testRedisUrl = process.env.RELAIS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let probe: Promise<string | null> | undefined;

/** null when Redis answers; otherwise why it does not (throws under CI=true). */
export function redisUnavailable(): Promise<string | null> {
  probe ??= (async () => {
    const redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return null;
    } catch (error) {
      const reason = `Redis is not reachable at ${testRedisUrl} (${(error as Error).message})`;
      if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it`, { cause: error });
      console.warn(`${reason}: skipping the Redis suites. Set CI=true to require them.`);
      return reason;
    } finally {
      redis.disconnect();
    }
  })();
  return probe;
}

/** A prefix no other test run uses. */
export function testRedisPrefix(): string {
  return `relais-test:${randomBytes(5).toString('hex')}:`;
}

/** Deletes every key under `prefix`. */
export async function dropRedisPrefix(prefix: string, url = testRedisUrl): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** True when a `redis-server` binary is on the PATH. */
export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** A throwaway `redis-server` (no persistence) on a free port; `stop` and `start` keep the port. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    for (;;) {
      const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.on('error', () => {});
      try {
        await redis.connect();
        await redis.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        redis.disconnect();
      }
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
