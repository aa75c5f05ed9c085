import { describe, expect, it } from 'vitest';
import { createMemoryBus } from './memory-bus.ts';

describe('memory bus', () => {
  it('numbers events per workspace and delivers them to that workspace only', async () => {
    const bus = createMemoryBus();
    const seenA: number[] = [];
    const seenB: number[] = [];
    bus.subscribe('a', (event) => seenA.push(event.seq));
    bus.subscribe('b', (event) => seenB.push(event.seq));
    await bus.publish('a', 'message.created', { id: 1 });
    await bus.publish('a', 'message.created', { id: 2 });
    await bus.publish('b', 'message.created', { id: 3 });
    expect(seenA).toEqual([1, 2]);
    expect(seenB).toEqual([1]);
  });

  it('replays what a reconnecting client missed, and asks for a reload when it cannot', async () => {
    const bus = createMemoryBus({ replayLimit: 3 });
    for (let i = 0; i < 5; i++) await bus.publish('a', 'tick', i);
    expect(await bus.since('a', 3, bus.epoch)).toMatchObject([{ seq: 4, data: 3 }, { seq: 5, data: 4 }]);
    expect(await bus.since('a', 5, bus.epoch)).toEqual([]);
    expect(await bus.since('a', 1, bus.epoch)).toBe('reload');
    expect(await bus.since('a', 3, 'an-old-epoch')).toBe('reload');
  });

  it('stops delivering after unsubscribe, and one failing listener does not starve others', async () => {
    const bus = createMemoryBus();
    const seen: number[] = [];
    bus.subscribe('a', () => { throw new Error('broken tab'); });
    const off = bus.subscribe('a', (event) => seen.push(event.seq));
    await bus.publish('a', 'tick', null);
    off();
    await bus.publish('a', 'tick', null);
    expect(seen).toEqual([1]);
  });
});
