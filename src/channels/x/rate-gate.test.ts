import { describe, expect, it } from 'vitest';
import { createRateGate, gateKey, type GateStore } from './rate-gate.ts';

describe('X rate gate shared between workers', () => {
  it('closes a spent window for every worker sharing the store, until its reset', async () => {
    let now = 1_000_000;
    const closed = new Map<string, number>();
    const store: GateStore = {
      closedUntil: async (key) => closed.get(key),
      close: async (key, until) => { closed.set(key, until); },
    };
    const one = createRateGate(() => now, store);
    const two = createRateGate(() => now, store);
    const key = gateKey('ch1', 'POST', '/2/tweets');
    one.observe(key, 200, new Headers({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String((now + 30_000) / 1000) }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await two.waitMs(key)).toBe(30_000);
    expect(await two.waitMs(gateKey('ch1', 'POST', '/2/dm_conversations/with/:id/messages'))).toBe(0);
    now += 30_001;
    expect(await two.waitMs(key)).toBe(0);
  });
});
