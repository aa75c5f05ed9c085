/**
 * realtime: the `Bus` that carries per-workspace events with sequence numbers to agents'
 * browsers. The in-memory driver serves one process; a Redis driver serves several.
 */
export type { Bus, BusEvent } from './bus.ts';
export { createMemoryBus } from './memory-bus.ts';
export { createPresence, type Presence, type PresenceEntry } from './presence.ts';
export { publishEvent } from './publish-event.ts';
