/**
 * Adjusted classify-and-count (docs/metrics.md, "Adjusted share"): a classifier that calls
 * some negative messages neutral biases the negative share whatever the sample size. With
 * C[t][k] = P(classified k | truly t), the observed shares are q = Cᵀ·p; solving for p and
 * projecting back on the simplex removes the bias. Order everywhere: negative, neutral, positive.
 */
import { percentileOfSorted } from './percentile.ts';

export type Triple = [number, number, number];
/** Counts: rows the true label, columns the classifier's. */
export type ConfusionCounts = [Triple, Triple, Triple];

export interface AdjustedShare {
  share: Triple;
  low: Triple;
  high: Triple;
}

/** Row-normalised confusion (a row with no messages is taken as perfect). */
export function confusionRates(counts: ConfusionCounts): ConfusionCounts {
  return counts.map((row, t) => {
    const total = row[0] + row[1] + row[2];
    return total === 0 ? ([0, 1, 2].map((k) => Number(k === t)) as Triple) : (row.map((c) => c / total) as Triple);
  }) as ConfusionCounts;
}

/**
 * The true shares p from the observed shares q and rates C: solves Cᵀp = q, clips negatives,
 * renormalises. Falls back to q when C is singular (a classifier no better than chance).
 *
 * @example adjustShares([0.2, 0.5, 0.3], confusionRates(counts))
 */
export function adjustShares(observed: Triple, rates: ConfusionCounts): Triple {
  const a = [0, 1, 2].map((k) => [rates[0][k], rates[1][k], rates[2][k], observed[k]] as number[]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-9) return observed;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const factor = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < 4; c++) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  const solved = [0, 1, 2].map((i) => Math.max(0, a[i]![3]! / a[i]![i]!));
  const total = solved[0]! + solved[1]! + solved[2]!;
  return total === 0 ? observed : (solved.map((v) => v / total) as Triple);
}

const DRAWS = 400;

/**
 * Adjusted shares of `modelCounts` (messages labelled by the classifier) plus `knownCounts`
 * (labelled by agents, taken as true), with a 95 % interval from a seeded parametric
 * bootstrap over both the observed counts and each row of the confusion.
 */
export function adjustedShareWithInterval(modelCounts: Triple, knownCounts: Triple, confusion: ConfusionCounts, seed = 17): AdjustedShare | null {
  const modelTotal = sum(modelCounts);
  const knownTotal = sum(knownCounts);
  if (modelTotal + knownTotal === 0) return null;
  const combine = (adjusted: Triple): Triple => adjusted.map((p, k) => (p * modelTotal + knownCounts[k]!) / (modelTotal + knownTotal)) as Triple;
  const point = combine(modelTotal === 0 ? [0, 0, 0] : adjustShares(shares(modelCounts), confusionRates(confusion)));
  const random = mulberry32(seed);
  const draws: [number[], number[], number[]] = [[], [], []];
  for (let d = 0; d < DRAWS; d++) {
    const counts = multinomial(random, modelTotal, shares(modelCounts));
    const rows = confusion.map((row) => multinomial(random, sum(row), shares(row))) as ConfusionCounts;
    const drawn = combine(modelTotal === 0 ? [0, 0, 0] : adjustShares(shares(counts), confusionRates(rows)));
    for (let k = 0; k < 3; k++) draws[k]!.push(drawn[k]!);
  }
  const bound = (p: number) => draws.map((values) => percentileOfUnit(values, p)) as Triple;
  return { share: point, low: bound(0.025), high: bound(0.975) };
}

function percentileOfUnit(values: number[], p: number): number {
  // percentileOfSorted rounds to whole milliseconds; shares are read at a millionth instead.
  const sorted = Float64Array.from(values.map((v) => v * 1e6)).sort();
  return percentileOfSorted(sorted, p)! / 1e6;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function shares(counts: readonly number[]): Triple {
  const total = sum(counts);
  return (total === 0 ? [0, 0, 0] : counts.map((c) => c / total)) as Triple;
}

/** A multinomial draw as a chain of binomials (normal approximation past 50 trials). */
function multinomial(random: () => number, n: number, p: Triple): Triple {
  const out: Triple = [0, 0, 0];
  let left = n;
  let mass = 1;
  for (let k = 0; k < 2; k++) {
    const q = mass <= 0 ? 0 : Math.min(1, p[k]! / mass);
    out[k] = binomial(random, left, q);
    left -= out[k]!;
    mass -= p[k]!;
  }
  out[2] = left;
  return out;
}

function binomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 50) {
    let hits = 0;
    for (let i = 0; i < n; i++) if (random() < p) hits++;
    return hits;
  }
  const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(n, Math.max(0, Math.round(n * p + gauss * Math.sqrt(n * p * (1 - p)))));
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
