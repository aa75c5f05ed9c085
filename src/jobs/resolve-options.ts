import { DEFAULT_BACKOFF_MS, DEFAULT_MAX_ATTEMPTS, type EnqueueOptions } from './queue.ts';

export interface ResolvedEnqueueOptions {
  maxAttempts: number;
  backoffMs: number;
  delayMs: number;
  singletonKey: string | null;
}

/**
 * Fills in the defaults and refuses nonsense, so both drivers agree on what an enqueue means
 * (a bad retry policy is a programming error: it should fail at the call, not at 3 a.m.).
 *
 * @example resolveEnqueueOptions({ maxAttempts: 3 }) // { maxAttempts: 3, backoffMs: 1000, delayMs: 0, singletonKey: null }
 */
export function resolveEnqueueOptions(options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  const { maxAttempts = DEFAULT_MAX_ATTEMPTS, backoffMs = DEFAULT_BACKOFF_MS, delayMs = 0, singletonKey } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  if (!Number.isFinite(backoffMs) || backoffMs < 0) throw new RangeError(`backoffMs must be a finite number >= 0, got ${backoffMs}`);
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`delayMs must be a finite number >= 0, got ${delayMs}`);
  return { maxAttempts, backoffMs, delayMs, singletonKey: singletonKey ?? null };
}

/** How many dead jobs one `listDead` call returns: 100 unless asked, never more than 1000. */
export function deadListLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 100;
  return Math.min(Math.max(Math.floor(limit), 1), 1000);
}

/** The text kept as a job's last error. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
