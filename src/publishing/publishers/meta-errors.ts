import type { PublishOutcome } from './publisher.ts';
import type { JsonResponse } from './http.ts';

type Failure = Extract<PublishOutcome, { ok: false }>;

const THROTTLE = new Set([4, 17, 32, 341, 613]);
const DAY_MS = 86_400_000;

/**
 * A Graph API error answer (PLATFORMS.md §1.10, §5.2) in Relais's four kinds. Throttles wait
 * for `estimated_time_to_regain_access`; Instagram's 24 h publishing cap waits a day's share.
 */
export function graphFailure(response: JsonResponse): Failure {
  const error = response.body?.error ?? {};
  const code = Number(error.code ?? 0);
  const subcode = Number(error.error_subcode ?? 0);
  const reason = `${String(error.message ?? `HTTP ${response.status}`)} (code ${code}${subcode ? `/${subcode}` : ''})`;
  if (code === 190 || code === 102) return { ok: false, kind: 'auth', reason };
  if (code === 9 && subcode === 2207042) return { ok: false, kind: 'rate_limited', reason, retryAfterMs: DAY_MS / 24 };
  if (THROTTLE.has(code) || (code >= 80000 && code < 80100) || response.status === 429) {
    return { ok: false, kind: 'rate_limited', reason, retryAfterMs: regainMs(response.headers.get('x-business-use-case-usage')) ?? 60_000 };
  }
  if (code === 1 || code === 2 || error.is_transient === true || response.status >= 500) return { ok: false, kind: 'transient', reason };
  return { ok: false, kind: 'permanent', reason };
}

function regainMs(header: string | null): number | undefined {
  if (!header) return undefined;
  try {
    const usage = JSON.parse(header) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Math.max(0, ...Object.values(usage).flat().map((entry) => entry.estimated_time_to_regain_access ?? 0));
    return minutes > 0 ? minutes * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

/** Graph times (`2026-11-23T09:00:00+0000`) in epoch ms. */
export function graphTimeMs(value: unknown): number {
  const text = String(value ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : 0;
}

/** A lookup window: a post made by an earlier attempt is at most this much older than it. */
export const CLOCK_SLACK_MS = 5 * 60_000;
