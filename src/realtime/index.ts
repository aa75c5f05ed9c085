/**
 * realtime: the `Bus` that carries per-workspace events with sequence numbers to agents'
 * browsers, and the state every `serve` process shares (presence, counters, open lines). The
 * in-memory drivers serve one process; the Redis drivers (ADR 0017) serve several.
 */
export type { Bus, BusEvent } from './bus.ts';
export { createMemoryBus } from './memory-bus.ts';
export { createRedisBus, type RedisBusOptions } from './redis-bus.ts';
export { createPresence, type Presence, type PresenceEntry } from './presence.ts';
export { publishEvent } from './publish-event.ts';
export { createMemoryLines, createMemorySharedState, type Deadlines, type LineCounter, type SharedState, type SharedThrottle } from './shared-state.ts';
export { createRedisSharedState } from './redis-shared-state.ts';
export { openRedis, redisReady, type RedisClient } from './redis-client.ts';
export { createPortBus, serveBusOverPort } from './port-bus.ts';
