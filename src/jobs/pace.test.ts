import { describe, expect, it } from 'vitest';
import { createPace } from './pace.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* a step of work */ }
};

describe('the pace of long background runs', () => {
  it('rests three times as long as each step worked, so a run takes a quarter of its thread', async () => {
    const pace = createPace();
    const started = performance.now();
    for (let step = 0; step < 5; step++) {
      busy(20);
      await pace();
    }
    const elapsed = performance.now() - started;
    // 100 ms of work and about 300 ms of rest.
    expect(elapsed).toBeGreaterThanOrEqual(380);
    expect(elapsed).toBeLessThan(2000);
  });

  it('rests as long as it worked at a half share', async () => {
    const pace = createPace({ share: 0.5 });
    const started = performance.now();
    busy(60);
    await pace();
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('shares one budget between runs paced at once: two take no more of the thread than one', async () => {
    const run = async () => {
      const pace = createPace({ share: 0.5 });
      for (let step = 0; step < 4; step++) {
        busy(15);
        await pace();
      }
    };
    const started = performance.now();
    await Promise.all([run(), run()]);
    // 120 ms of work in all: at half the thread, about 240 ms (with a budget each, the two
    // ended together after ~140 ms).
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
  });
});
