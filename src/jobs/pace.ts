/**
 * When the background runs of this thread (the runs of every pace) may go on: they share one
 * budget, so two long runs at once take no more of the thread than one.
 */
let resumeAt = 0;

/**
 * A long background run (the SLA monitor, the reports refresh) shares its thread, and on
 * SQLite the turn at writing, with webhook processing. Called between the steps of such a
 * run, a pace rests after each step `(1 - share) / share` times as long as the step took,
 * and runs paced at once queue their rests one after the other: together they take at most
 * `share` of the thread, so the deliveries processed beside them keep up (ADR 0027). A run of
 * 8 s at full speed takes about 32 s at the default quarter: inside the minute between runs.
 *
 * @example
 * const pace = createPace();
 * for (const batch of batches) { await work(batch); await pace(); }
 */
export function createPace(options: { share?: number } = {}): () => Promise<void> {
  const share = Math.min(1, Math.max(0.05, options.share ?? 1 / 4));
  let since = performance.now();
  return async () => {
    const now = performance.now();
    resumeAt = Math.max(resumeAt, now) + (now - since) * ((1 - share) / share);
    // Another run's step may move the time on while this one rests.
    for (let restMs = resumeAt - now; restMs >= 1; restMs = resumeAt - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, restMs));
    }
    since = performance.now();
  };
}
