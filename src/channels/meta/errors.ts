import type { SendOutcome } from '../provider.ts';

interface GraphError {
  code?: number;
  error_subcode?: number;
  message?: string;
}

const THROTTLE_CODES = new Set([4, 17, 32, 341, 613]);

/**
 * Meta's error codes (PLATFORMS.md §1.10) in Relais's four kinds. Throttling waits for
 * `estimated_time_to_regain_access` when the usage header gives it.
 */
export function classifyGraphError(status: number, error: GraphError | undefined, usageHeader: string | null): Extract<SendOutcome, { ok: false }> {
  const code = error?.code ?? 0;
  const reason = `${error?.message ?? `HTTP ${status}`} (code ${code}${error?.error_subcode ? `/${error.error_subcode}` : ''})`;
  if (code === 190) return { ok: false, kind: 'auth', reason };
  if (THROTTLE_CODES.has(code) || (code >= 80000 && code < 80100) || status === 429) {
    return { ok: false, kind: 'rate_limited', reason, retryAfterMs: regainAccessMs(usageHeader) ?? 60_000 };
  }
  if (code === 1 || code === 2 || status >= 500) return { ok: false, kind: 'transient', reason };
  if (code === 10 && error?.error_subcode === 2018278) return { ok: false, kind: 'permanent', reason: `Outside the allowed messaging window: ${reason}` };
  if (code === 551) return { ok: false, kind: 'permanent', reason: `This person is not available right now: ${reason}` };
  return { ok: false, kind: 'permanent', reason };
}

/** The longest `estimated_time_to_regain_access` (minutes) in X-Business-Use-Case-Usage, in ms. */
export function regainAccessMs(header: string | null): number | undefined {
  if (!header) return undefined;
  try {
    const usage = JSON.parse(header) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(usage).flat().map((entry) => entry.estimated_time_to_regain_access ?? 0);
    const longest = Math.max(0, ...minutes);
    return longest > 0 ? longest * 60_000 : undefined;
  } catch {
    return undefined;
  }
}
