/**
 * Percentiles as docs/metrics.md defines them: linear interpolation between closest ranks
 * (Hyndman and Fan type 7, PostgreSQL's `percentile_cont`), rounded to the nearest
 * millisecond, half up. `sorted` must be ascending.
 *
 * @example percentileOfSorted([10, 20, 30, 40], 0.5) // 25
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, n - 1);
  return roundMs(sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!));
}

export function roundMs(value: number): number {
  return Math.floor(value + 0.5);
}

export interface Summary {
  medianMs: number | null;
  p90Ms: number | null;
  meanMs: number | null;
}

/** Median, p90 and mean of durations in milliseconds (any order). */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    medianMs: percentileOfSorted(sorted, 0.5),
    p90Ms: percentileOfSorted(sorted, 0.9),
    meanMs: sorted.length === 0 ? null : roundMs(sum / sorted.length),
  };
}
