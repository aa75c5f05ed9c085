import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable, createTestStore, type TestStore } from '../store/testing.ts';
import type { Bus, BusEvent } from './bus.ts';
import { createRedisBus } from './redis-bus.ts';
import { createRedisSharedState } from './redis-shared-state.ts';
import { systemClock } from '../kernel/index.ts';
import { createMemoryThrottle } from '../accounts/index.ts';
import { dropRedisPrefix, redisServerInstalled, redisUnavailable, startPrivateRedis, testRedisPrefix, testRedisUrl } from './testing.ts';

// Two buses on one database and one Redis stand for two `serve` processes.
const ready = !(await redisUnavailable()) && !(await postgresUnavailable());
if (!ready) console.warn('redis bus suite skipped: it needs PostgreSQL and Redis');

const waitFor = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe.runIf(ready)('redis bus across processes', () => {
  let store: TestStore;
  const prefix = testRedisPrefix();
  const buses: Bus[] = [];
  const open = async (redisUrl = testRedisUrl, pollMs = { healthy: 5000, degraded: 200 }) => {
    const bus = await createRedisBus({ db: store.db, redisUrl, prefix, pollMs });
    buses.push(bus);
    return bus;
  };
  beforeAll(async () => { store = await createTestStore('postgres'); });
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await dropRedisPrefix(prefix);
    await store?.drop();
  });

  it('delivers an event published on one instance to listeners on another, in order, with one sequence per workspace', async () => {
    const [a, b] = [await open(), await open()];
    expect(a.epoch).toBe(b.epoch);
    const seen: number[] = [];
    b.subscribe('w1', (event) => seen.push(event.seq));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the Redis subscription settles
    const published: BusEvent[] = [];
    for (let i = 0; i < 20; i++) published.push(await (i % 2 ? a : b).publish('w1', 'message.created', { i }));
    expect(published.map((event) => event.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await waitFor(() => seen.length === 20);
    expect(seen).toEqual(published.map((event) => event.seq));
    expect(await a.head('w1')).toBe(20);
    expect(await a.head('w2')).toBe(0);
  });

  it('numbers a batch of events one after the other, delivers them in order and replays them', async () => {
    const [a, b] = [await open(), await open()];
    const seen: unknown[] = [];
    b.subscribe('w9', (event) => seen.push([event.seq, event.type, event.data]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await a.publish('w9', 'message.created', { n: 0 });
    const batch = await a.publishMany!('w9', [{ type: 'message.created', data: { n: 1 } }, { type: 'conversation.updated', data: { n: 2 } }, { type: 'message.created', data: { n: 3 } }]);
    await b.publish('w9', 'message.created', { n: 4 });
    expect(batch.map((event) => event.seq)).toEqual([2, 3, 4]);
    await waitFor(() => seen.length === 5);
    expect(seen).toEqual([[1, 'message.created', { n: 0 }], [2, 'message.created', { n: 1 }], [3, 'conversation.updated', { n: 2 }], [4, 'message.created', { n: 3 }], [5, 'message.created', { n: 4 }]]);
    const replay = await b.since('w9', 1, a.epoch);
    expect(replay === 'reload' ? replay : replay.map((event) => event.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('keeps order when two instances publish at once: a later sequence heard first waits for the gap', async () => {
    const [a, b, c] = [await open(), await open(), await open()];
    const seen: number[] = [];
    c.subscribe('w3', (event) => seen.push(event.seq));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).publish('w3', 'tick', i)));
    await waitFor(() => seen.length === 40);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('replays from any instance what a client missed, and asks for a reload when it cannot', async () => {
    const [a, b] = [await open(), await open()];
    for (let i = 0; i < 5; i++) await a.publish('w4', 'tick', i);
    expect(await b.since('w4', 2, b.epoch)).toMatchObject([{ seq: 3, data: 2 }, { seq: 4, data: 3 }, { seq: 5, data: 4 }]);
    expect(await b.since('w4', 5, b.epoch)).toEqual([]);
    expect(await b.since('w4', 9, b.epoch)).toBe('reload');
    expect(await b.since('w4', 1, 'another-epoch')).toBe('reload');
  });

  it('carries signals (presence, typing) to the other instances, never back to the sender', async () => {
    const [a, b] = [await open(), await open()];
    const onA: unknown[] = [];
    const onB: unknown[] = [];
    a.subscribeSignals('w5', (data) => onA.push(data));
    b.subscribeSignals('w5', (data) => onB.push(data));
    await new Promise((resolve) => setTimeout(resolve, 100));
    a.signal('w5', { type: 'typing' });
    await waitFor(() => onB.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onA).toEqual([{ type: 'typing' }]);
  });

  it.runIf(redisServerInstalled())('keeps publishing while Redis is down, and listeners catch up from the database, each event once', async () => {
    const redis = await startPrivateRedis();
    try {
      const [a, b] = [await open(redis.url), await open(redis.url)];
      const seen: number[] = [];
      b.subscribe('w6', (event) => seen.push(event.seq));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await a.publish('w6', 'tick', 1);
      await waitFor(() => seen.length === 1);
      await redis.stop();
      for (let i = 2; i <= 5; i++) await a.publish('w6', 'tick', i); // the database takes them
      await waitFor(() => seen.length === 5); // polled while degraded
      await redis.start();
      for (let i = 6; i <= 8; i++) await a.publish('w6', 'tick', i);
      await waitFor(() => seen.length === 8, 5000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await redis.stop();
    }
  });

  it('shares presence, counters and line caps between instances; a dead instance\'s entries lapse', async () => {
    const sharedPrefix = testRedisPrefix();
    const one = await createRedisSharedState({ redisUrl: testRedisUrl, prefix: sharedPrefix, clock: systemClock, ttlMs: 600, fallbackThrottle: createMemoryThrottle({ clock: systemClock }) });
    const two = await createRedisSharedState({ redisUrl: testRedisUrl, prefix: sharedPrefix, clock: systemClock, ttlMs: 600, fallbackThrottle: createMemoryThrottle({ clock: systemClock }) });
    try {
      await one.ping();
      await two.ping();
      await one.presence.set('w', 's1', { userId: 'u1', name: 'Léa', conversationId: 'c1', typing: true });
      expect(await two.presence.list('w')).toEqual([{ userId: 'u1', name: 'Léa', conversationId: 'c1', typing: true }]);
      // One budget across both: 3 attempts in all, whichever instance takes them.
      const limit = { max: 3, windowMs: 60_000 };
      expect(await one.throttle.take('ip:1', limit)).toBe(0);
      expect(await two.throttle.take('ip:1', limit)).toBe(0);
      expect(await two.throttle.take('ip:1', limit)).toBe(0);
      expect(await one.throttle.take('ip:1', limit)).toBeGreaterThan(0);
      await one.throttle.giveBack('ip:1');
      await one.throttle.giveBack('ip:1');
      expect(await two.throttle.take('ip:1', limit)).toBe(0);
      expect(await one.lines.acquire('visitor:v', 'l1', 2)).toBe(true);
      expect(await two.lines.acquire('visitor:v', 'l2', 2)).toBe(true);
      expect(await two.lines.acquire('visitor:v', 'l3', 2)).toBe(false);
      await one.deadlines('x').close('token-1', Date.now() + 5000);
      expect(await two.deadlines('x').closedUntil('token-1')).toBeGreaterThan(Date.now() + 4000);
      expect(await two.deadlines('x').closedUntil('token-2')).toBeUndefined();
      await one.close(); // "dies": stops refreshing
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(await two.presence.list('w')).toEqual([]);
      expect(await two.lines.acquire('visitor:v', 'l3', 2)).toBe(true);
    } finally {
      await one.close();
      await two.close();
      await dropRedisPrefix(sharedPrefix);
    }
  });
});
