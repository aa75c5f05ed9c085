/** Time as the sandbox sees it, in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/**
 * The sandbox's clock: a base clock (the system's, or a test's) plus an offset that
 * `advanceTime` pushes forward, so a test can jump past Meta's 24 h or 7 day limits without
 * owning the clock.
 */
export interface SandboxClock extends Clock {
  advance(ms: number): void;
  reset(): void;
}

export function createSandboxClock(base: Clock = { now: () => Date.now() }): SandboxClock {
  let offset = 0;
  return {
    now: () => base.now() + offset,
    advance: (ms) => { offset += ms; },
    reset: () => { offset = 0; },
  };
}
