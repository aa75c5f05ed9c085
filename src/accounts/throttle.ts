import type { Clock } from '../kernel/index.ts';

/**
 * Counts sign-in failures per key (an email, an IP) in a sliding window. The memory driver
 * serves one process; with several, the same interface is backed by Redis.
 */
export interface Throttle {
  /** Seconds until `key` may try again, or 0. */
  blockedFor(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createMemoryThrottle(options: { maxFailures: number; windowMs: number; clock: Clock }): Throttle {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = options.clock.now() - options.windowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    async blockedFor(key) {
      const kept = recent(key);
      if (kept.length < options.maxFailures) return 0;
      const oldest = kept[kept.length - options.maxFailures] ?? options.clock.now();
      return Math.max(1, Math.ceil((oldest + options.windowMs - options.clock.now()) / 1000));
    },
    async fail(key) {
      failures.set(key, [...recent(key), options.clock.now()]);
    },
    async reset(key) {
      failures.delete(key);
    },
  };
}
