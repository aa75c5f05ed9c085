import type { Clock } from '../kernel/index.ts';
import { createPresence, type Presence } from './presence.ts';
import type { RedisClient } from './redis-client.ts';

/**
 * State that every `serve` process must agree on: presence and typing, request counters and
 * open-line caps. `memory` serves one process; `redis` (`redis-shared-state.ts`) several.
 */
export interface SharedState {
  readonly driver: 'memory' | 'redis';
  /** The connection, for libraries that keep their own counters in Redis (@fastify/rate-limit). */
  readonly redis: RedisClient | undefined;
  /** Prefix of every key this installation writes in Redis. */
  readonly prefix: string;
  presence: Presence;
  /** Request-rate counters (the widget's limits) seen by every process. */
  throttle: SharedThrottle;
  /** Caps of things held open at once (a visitor's live lines). */
  lines: LineCounter;
  /** Times until which keys stay closed (an outbound rate window spent), seen by every process. */
  deadlines(name: string): Deadlines;
  /** Word between processes that a job was sent (the job queue's `crossProcess`); absent in memory. */
  jobWake: { tell(queue: string): void; listen(wake: (queue: string) => void): void } | undefined;
  /** Throws when the backing service does not answer (`/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Attempts per key in fixed windows: the accounts `Throttle` shape, so either driver fits it. */
export interface SharedThrottle {
  /** Takes one attempt on `key`: 0 when it may go ahead, else the seconds until the window frees up. */
  take(key: string, limit: { max: number; windowMs: number }): Promise<number>;
  giveBack(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export interface Deadlines {
  closedUntil(key: string): Promise<number | undefined>;
  close(key: string, until: number): Promise<void>;
}

export interface LineCounter {
  /** Takes one of at most `max` lines for `key`; false when all are taken. */
  acquire(key: string, lineId: string, max: number): Promise<boolean>;
  release(key: string, lineId: string): Promise<void>;
}

export function createMemoryLines(): LineCounter {
  const open = new Map<string, Set<string>>();
  return {
    async acquire(key, lineId, max) {
      const lines = open.get(key) ?? new Set<string>();
      if (lines.size >= max) return false;
      lines.add(lineId);
      open.set(key, lines);
      return true;
    },
    async release(key, lineId) {
      const lines = open.get(key);
      lines?.delete(lineId);
      if (lines?.size === 0) open.delete(key);
    },
  };
}

/** One process: `throttle` is the accounts memory throttle, handed in by the composition root. */
export function createMemorySharedState(clock: Clock, throttle: SharedThrottle): SharedState {
  return {
    driver: 'memory',
    redis: undefined,
    prefix: '',
    presence: createPresence(),
    throttle,
    jobWake: undefined,
    lines: createMemoryLines(),
    deadlines: () => createMemoryDeadlines(clock),
    async ping() {},
    async close() {},
  };
}

export function createMemoryDeadlines(clock: Clock): Deadlines {
  const until = new Map<string, number>();
  return {
    async closedUntil(key) {
      const at = until.get(key);
      if (at !== undefined && at <= clock.now()) until.delete(key);
      return at !== undefined && at > clock.now() ? at : undefined;
    },
    async close(key, at) {
      until.set(key, Math.max(at, until.get(key) ?? 0));
    },
  };
}
