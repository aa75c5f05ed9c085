import { sql } from 'kysely';
import { sha256Hex, type Clock } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';

export interface ThrottleLimit {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

/**
 * Counts attempts per key (an email, an IP, a user) in fixed windows. An attempt is taken
 * BEFORE the work it guards (a password check) and given back only when that work
 * succeeded, so parallel requests cannot all slip past a check-then-count gap.
 * Drivers: the database (the default: a restart keeps the counts, and every process of a
 * scale deployment shares them), memory (per process, for plain request-rate limits);
 * a Redis driver implements the same three calls.
 */
export interface Throttle {
  /** Takes one attempt on `key`: 0 when it may go ahead, else the seconds until the window frees up. */
  take(key: string, limit: ThrottleLimit): Promise<number>;
  /** Gives one attempt back (the guarded work succeeded and should not count as a failure). */
  giveBack(key: string): Promise<void>;
  /** Forgets the key's attempts (a successful sign-in clears its email's failures). */
  reset(key: string): Promise<void>;
}

/**
 * Takes an attempt on every key (each is counted whatever the others answer) and answers the
 * longest wait among them.
 *
 * @example const wait = await takeAll(throttle, ['sign-in:email:lea@x.fr', 'sign-in:ip:203.0.113.7'], { max: 5, windowMs: 900_000 });
 */
export async function takeAll(throttle: Throttle, keys: readonly string[], limit: ThrottleLimit): Promise<number> {
  let wait = 0;
  for (const key of keys) wait = Math.max(wait, await throttle.take(key, limit));
  return wait;
}

const waitSeconds = (windowStart: number, windowMs: number, now: number) => Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));

/**
 * The database driver: one row per key. `take` is a single upsert that opens a new window or
 * adds one to the count and returns it, atomic on SQLite (one writer) and PostgreSQL (the
 * conflicting row is locked), so 40 parallel requests see the counts 1 to 40, not 40 times 0.
 */
export function createDatabaseThrottle(options: { db: Db; clock: Clock }): Throttle {
  const { db, clock } = options;
  // Keys name emails and IPs: only their hash is stored, so the table holds no personal data.
  const stored = (key: string) => sha256Hex(key);
  return {
    async take(name, limit) {
      const key = stored(name);
      const now = clock.now();
      const expired = now - limit.windowMs;
      const row = await db.insertInto('throttle_counters').values({ key, window_start: now, count: 1 })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({
          window_start: sql<number>`case when throttle_counters.window_start <= ${expired} then ${now} else throttle_counters.window_start end`,
          count: sql<number>`case when throttle_counters.window_start <= ${expired} then 1 else throttle_counters.count + 1 end`,
        }))
        .returning(['window_start', 'count'])
        .executeTakeFirstOrThrow();
      return Number(row.count) <= limit.max ? 0 : waitSeconds(Number(row.window_start), limit.windowMs, now);
    },
    async giveBack(name) {
      await db.updateTable('throttle_counters').set({ count: sql<number>`count - 1` }).where('key', '=', stored(name)).where('count', '>', 0).execute();
    },
    async reset(name) {
      await db.deleteFrom('throttle_counters').where('key', '=', stored(name)).execute();
    },
  };
}

/** Windows long gone are deleted now and then (the sessions purge job calls this). */
export async function purgeThrottleCounters(db: Db, now: number, olderThanMs = 24 * 60 * 60_000): Promise<void> {
  await db.deleteFrom('throttle_counters').where('window_start', '<', now - olderThanMs).execute();
}

/**
 * The memory driver: the same fixed windows in a map, for limits that need not survive a
 * restart (the widget's message rates). `take` reads and writes without awaiting in between,
 * so it is atomic within the process.
 */
export function createMemoryThrottle(options: { clock: Clock }): Throttle {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async take(key, limit) {
      const now = options.clock.now();
      let window = windows.get(key);
      if (!window || window.start <= now - limit.windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (windows.size > 100_000) for (const [name, entry] of windows) if (entry.start <= now - limit.windowMs) windows.delete(name);
      return window.count <= limit.max ? 0 : waitSeconds(window.start, limit.windowMs, now);
    },
    async giveBack(key) {
      const window = windows.get(key);
      if (window && window.count > 0) window.count -= 1;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
