/**
 * A long background run (the SLA monitor, the reports refresh) shares its thread, and on
 * SQLite the turn at writing, with webhook processing. Called between the steps of such a
 * run, a pace rests after each step for as long as the step took, times `(1 - share) / share`:
 * the run takes at most `share` of its thread, so the deliveries processed beside it keep up
 * (ADR 0027). A run of 8 s at full speed then takes 24 s at the default third: well inside
 * the minute between runs.
 *
 * @example
 * const pace = createPace();
 * for (const batch of batches) { await work(batch); await pace(); }
 */
export function createPace(options: { share?: number } = {}): () => Promise<void> {
  const share = Math.min(1, Math.max(0.05, options.share ?? 1 / 3));
  let since = performance.now();
  return async () => {
    const restMs = (performance.now() - since) * ((1 - share) / share);
    if (restMs >= 1) await new Promise((resolve) => setTimeout(resolve, restMs));
    since = performance.now();
  };
}
