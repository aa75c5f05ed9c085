import { describe, expect, it } from 'vitest';
import { createPace } from './pace.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* a step of work */ }
};

describe('the pace of a long background run', () => {
  it('rests twice as long as each step worked, so the run takes a third of its thread', async () => {
    const pace = createPace();
    const started = performance.now();
    for (let step = 0; step < 5; step++) {
      busy(20);
      await pace();
    }
    const elapsed = performance.now() - started;
    // 100 ms of work and about 200 ms of rest.
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1000);
  });

  it('rests as long as it worked at a half share', async () => {
    const pace = createPace({ share: 0.5 });
    const started = performance.now();
    busy(60);
    await pace();
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});
