/**
 * One webhook event (a `changes[]` item or a `messaging[]` item) and how events are packed
 * into the envelopes Meta POSTs: one body per `object`, one entry per account and kind.
 */
import type { Clock } from '../clock.ts';
import type { MetaIds } from './ids.ts';
import type { World } from './world.ts';

export type MetaObject = 'page' | 'instagram';

export interface MetaEvent<Ids extends object = object> {
  object: MetaObject;
  /** The Page id, or the Instagram account id for `object: instagram`. */
  entryId: string;
  kind: 'changes' | 'messaging';
  item: Record<string, unknown>;
  /** The ids the action created or touched, for the caller's assertions. */
  ids: Ids;
}

export interface MetaEntry {
  id: string;
  /** Seconds for `changes` entries, milliseconds for `messaging` ones (PLATFORMS §1.3). */
  time: number;
  changes?: Array<Record<string, unknown>>;
  messaging?: Array<Record<string, unknown>>;
}

export interface MetaWebhookBody {
  object: MetaObject;
  entry: MetaEntry[];
}

/** What event builders read and change. */
export interface EventContext {
  world: World;
  clock: Clock;
  ids: MetaIds;
  appId: string;
}

/**
 * Packs events the way Meta batches them: events of one account and kind share an entry;
 * `page` and `instagram` events never share a body. Entry order follows first appearance.
 */
export function envelopes(events: readonly MetaEvent[], now: number): MetaWebhookBody[] {
  const bodies = new Map<MetaObject, Map<string, MetaEntry>>();
  for (const event of events) {
    let entries = bodies.get(event.object);
    if (!entries) bodies.set(event.object, entries = new Map());
    const key = `${event.entryId}:${event.kind}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { id: event.entryId, time: event.kind === 'changes' ? seconds(now) : now, [event.kind]: [] };
      entries.set(key, entry);
    }
    entry[event.kind]!.push(event.item);
  }
  return [...bodies].map(([object, entries]) => ({ object, entry: [...entries.values()] }));
}

export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Graph's date format: `2026-01-05T09:00:00+0000`. */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
