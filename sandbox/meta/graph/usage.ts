/**
 * Rate-limit bookkeeping behind the usage headers on every Graph answer (PLATFORMS §1.10):
 * `X-App-Usage` for the app and `X-Business-Use-Case-Usage` per Page, as percentages of a
 * quota over a rolling hour of sandbox time, plus the throttle a test switches on.
 */
import type { Clock } from '../../clock.ts';
import type { ThrottleCode } from './graph-error.ts';

export interface ThrottleInput {
  code: ThrottleCode;
  /** Reported in the BUC header while throttled. Default 5. */
  estimatedTimeToRegainAccessMinutes?: number;
  /** Throttle only this Page's calls; all calls when absent. */
  pageId?: string;
}

/** Pins the reported percentages (e.g. near 100, to see Relais slow down). */
export interface UsageOverride {
  callCount: number;
  totalCputime?: number;
  totalTime?: number;
}

export interface UsageMeter {
  record(pageId: string | undefined): void;
  headers(pageId: string | undefined): Record<string, string>;
  throttledFor(pageId: string | undefined): ThrottleInput | undefined;
  throttle(input: ThrottleInput): void;
  unthrottle(): void;
  setUsage(override: UsageOverride | undefined): void;
  reset(): void;
}

const hourMs = 3_600_000;
const appLevel = new Set<ThrottleCode>([4, 17]);

/** `callQuota` calls within an hour make 100 %. */
export function createUsageMeter(clock: Clock, callQuota: number): UsageMeter {
  let appCalls: number[] = [];
  let pageCalls = new Map<string, number[]>();
  let throttle: ThrottleInput | undefined;
  let override: UsageOverride | undefined;

  const recent = (times: number[]) => times.filter((t) => t > clock.now() - hourMs);
  const usage = (count: number) => {
    if (override) return { call_count: override.callCount, total_cputime: override.totalCputime ?? override.callCount, total_time: override.totalTime ?? override.callCount };
    const percent = Math.min(100, Math.ceil((count * 100) / callQuota));
    return { call_count: percent, total_cputime: Math.ceil(percent / 2), total_time: Math.ceil((percent * 3) / 4) };
  };
  const throttledFor = (pageId: string | undefined) => (throttle && (!throttle.pageId || throttle.pageId === pageId) ? throttle : undefined);

  return {
    record(pageId) {
      appCalls = [...recent(appCalls), clock.now()];
      if (pageId) pageCalls.set(pageId, [...recent(pageCalls.get(pageId) ?? []), clock.now()]);
    },
    headers(pageId) {
      const active = throttledFor(pageId);
      const app = active && appLevel.has(active.code) ? { call_count: 100, total_cputime: 100, total_time: 100 } : usage(recent(appCalls).length);
      const headers: Record<string, string> = { 'x-app-usage': JSON.stringify(app) };
      if (pageId) {
        const page = active && !appLevel.has(active.code) ? { call_count: 100, total_cputime: 100, total_time: 100 } : usage(recent(pageCalls.get(pageId) ?? []).length);
        const buc = {
          type: active?.code === 80006 ? 'messenger' : 'pages', ...page,
          estimated_time_to_regain_access: active ? (active.estimatedTimeToRegainAccessMinutes ?? 5) : 0,
        };
        headers['x-business-use-case-usage'] = JSON.stringify({ [pageId]: [buc] });
      }
      return headers;
    },
    throttledFor,
    throttle(input) { throttle = input; },
    unthrottle() { throttle = undefined; },
    setUsage(value) { override = value; },
    reset() {
      appCalls = [];
      pageCalls = new Map();
      throttle = undefined;
      override = undefined;
    },
  };
}
