/**
 * Per-user, per-endpoint 15-minute windows on the sandbox clock, reported in
 * `x-rate-limit-limit/remaining/reset` (reset in epoch seconds) on every answer, and a 429
 * once a window is spent, until its reset (PLATFORMS.md §2.5).
 */
export const WINDOW_MS = 15 * 60_000;

/** The published per-user limits (§2.5, tier dependent); others default to 900. */
export const DEFAULT_QUOTAS: Record<string, number> = {
  'POST /2/tweets': 100,
  'DELETE /2/tweets/:id': 50,
  'PUT /2/tweets/:id/hidden': 50,
  'POST /2/dm_conversations/with/:id/messages': 15,
  'GET /2/users/me': 75,
  'GET /2/users/:id/mentions': 300,
  'GET /2/dm_events': 300,
  'GET /2/dm_conversations/with/:id/dm_events': 300,
  'POST /2/users/:id/likes': 50,
};
const OTHER_QUOTA = 900;

export interface RateLimits {
  /** Counts one call; `allowed` false means answer 429. */
  take(user: string, endpoint: string): { allowed: boolean; headers: Record<string, string> };
  setQuota(endpoint: string, limit: number): void;
  reset(): void;
}

export function createRateLimits(now: () => number, overrides: Record<string, number> = {}): RateLimits {
  let quotas = { ...DEFAULT_QUOTAS, ...overrides };
  const windows = new Map<string, { start: number; used: number }>();
  return {
    take(user, endpoint) {
      const key = `${user} ${endpoint}`;
      const limit = quotas[endpoint] ?? OTHER_QUOTA;
      let window = windows.get(key);
      if (!window || now() >= window.start + WINDOW_MS) {
        window = { start: now(), used: 0 };
        windows.set(key, window);
      }
      const allowed = window.used < limit;
      if (allowed) window.used += 1;
      const headers = {
        'x-rate-limit-limit': String(limit),
        'x-rate-limit-remaining': String(Math.max(0, limit - window.used)),
        'x-rate-limit-reset': String(Math.ceil((window.start + WINDOW_MS) / 1000)),
      };
      return { allowed, headers };
    },
    setQuota(endpoint, limit) { quotas[endpoint] = limit; },
    reset() {
      windows.clear();
      quotas = { ...DEFAULT_QUOTAS, ...overrides };
    },
  };
}
