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
  /** A sliding-window counter named `name` (same shape as the accounts `Throttle`). */
  window(name: string, options: { max: number; windowMs: number }): SlidingWindow;
  /** Caps of things held open at once (a visitor's live lines). */
  lines: LineCounter;
  /** Times until which keys stay closed (an outbound rate window spent), seen by every process. */
  deadlines(name: string): Deadlines;
  /** Throws when the backing service does not answer (`/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface SlidingWindow {
  /** Seconds until `key` may act again, or 0. */
  blockedFor(key: string): Promise<number>;
  /** Counts one action for `key`. */
  fail(key: string): Promise<void>;
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

/** Counts per key in memory: times of the actions inside the window. */
export function createMemoryWindow(options: { max: number; windowMs: number; clock: Clock }): SlidingWindow {
  const actions = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = options.clock.now() - options.windowMs;
    const kept = (actions.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) actions.delete(key);
    else actions.set(key, kept);
    return kept;
  };
  return {
    async blockedFor(key) {
      const kept = recent(key);
      if (kept.length < options.max) return 0;
      const oldest = kept[kept.length - options.max] ?? options.clock.now();
      return Math.max(1, Math.ceil((oldest + options.windowMs - options.clock.now()) / 1000));
    },
    async fail(key) {
      actions.set(key, [...recent(key), options.clock.now()]);
    },
    async reset(key) {
      actions.delete(key);
    },
  };
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

export function createMemorySharedState(clock: Clock): SharedState {
  return {
    driver: 'memory',
    redis: undefined,
    prefix: '',
    presence: createPresence(),
    window: (_name, options) => createMemoryWindow({ ...options, clock }),
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
