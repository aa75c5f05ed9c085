/**
 * X answers every call with `x-rate-limit-remaining` and `x-rate-limit-reset` (epoch
 * seconds), per endpoint. Once a window is spent (remaining 0, or a 429), calling again before
 * the reset only earns more 429s, so the gate answers "wait" locally until then. A token's
 * budget is one for all workers: with a shared `GateStore` (Redis in scale mode) a window one
 * worker saw spent is closed for every worker; without one, each process learns it from a 429.
 */
export interface RateGate {
  /** Ms left before `key` may be called again; 0 when open. */
  waitMs(key: string): Promise<number>;
  /** Remembers the answer's headers for `key`: closes it until the reset when nothing remains. */
  observe(key: string, status: number, headers: Headers): void;
  /** Ms until the reset the headers announce (at least 1 s when they name none in the future). */
  untilReset(headers: Headers): number;
}

const FALLBACK_WAIT_MS = 60_000;
const MIN_WAIT_MS = 1_000;

/** Where closed windows are shared between processes: the time (epoch ms) a key reopens. */
export interface GateStore {
  closedUntil(key: string): Promise<number | undefined>;
  close(key: string, until: number): Promise<void>;
}

export function createRateGate(now: () => number, shared?: GateStore): RateGate {
  const closedUntil = new Map<string, number>();
  const untilReset = (headers: Headers): number => {
    const reset = Number(headers.get('x-rate-limit-reset'));
    if (!Number.isFinite(reset) || reset <= 0) return FALLBACK_WAIT_MS;
    // A reset already past (clock skew) still waits a moment rather than hammering.
    return Math.max(MIN_WAIT_MS, reset * 1000 - now());
  };
  return {
    async waitMs(key) {
      const until = Math.max(closedUntil.get(key) ?? 0, (await shared?.closedUntil(key).catch(() => undefined)) ?? 0);
      if (until === 0) return 0;
      const wait = until - now();
      if (wait > 0) return wait;
      closedUntil.delete(key);
      return 0;
    },
    observe(key, status, headers) {
      if (status !== 429 && headers.get('x-rate-limit-remaining') !== '0') return;
      const until = now() + untilReset(headers);
      closedUntil.set(key, until);
      void shared?.close(key, until).catch(() => {});
    },
    untilReset,
  };
}

/** One gate per channel and endpoint: `POST /2/tweets` spent does not stop DMs. Ids become `:id`. */
export function gateKey(channelId: string, method: string, path: string): string {
  return `${channelId} ${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}
