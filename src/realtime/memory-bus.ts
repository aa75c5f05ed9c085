import { newId, type Clock, systemClock } from '../kernel/index.ts';
import type { Bus, BusEvent } from './bus.ts';

/** The in-process bus: sequences and a bounded replay buffer per workspace. */
export function createMemoryBus(options: { replayLimit?: number; clock?: Clock } = {}): Bus {
  const replayLimit = options.replayLimit ?? 2000;
  const clock = options.clock ?? systemClock;
  const epoch = newId();
  const workspaces = new Map<string, { seq: number; recent: BusEvent[]; listeners: Set<(event: BusEvent) => void> }>();
  const signalListeners = new Map<string, Set<(data: unknown) => void>>();
  const slot = (workspaceId: string) => {
    let entry = workspaces.get(workspaceId);
    if (!entry) {
      entry = { seq: 0, recent: [], listeners: new Set() };
      workspaces.set(workspaceId, entry);
    }
    return entry;
  };

  return {
    driver: 'memory',
    epoch,
    async publish(workspaceId, type, data) {
      const entry = slot(workspaceId);
      const event: BusEvent = { workspaceId, epoch, seq: ++entry.seq, type, data, at: clock.now() };
      entry.recent.push(event);
      if (entry.recent.length > replayLimit) entry.recent.shift();
      for (const listener of entry.listeners) {
        try {
          listener(event);
        } catch {
          // A broken subscriber must not stop the others from hearing the event.
        }
      }
      return event;
    },
    subscribe(workspaceId, listener) {
      const entry = slot(workspaceId);
      entry.listeners.add(listener);
      return () => { entry.listeners.delete(listener); };
    },
    async head(workspaceId) {
      return workspaces.get(workspaceId)?.seq ?? 0;
    },
    async since(workspaceId, seq, clientEpoch) {
      const entry = slot(workspaceId);
      if (clientEpoch !== epoch || seq > entry.seq) return 'reload';
      if (seq === entry.seq) return [];
      const oldest = entry.recent[0];
      if (!oldest || oldest.seq > seq + 1) return 'reload';
      return entry.recent.filter((event) => event.seq > seq);
    },
    signal(workspaceId, data) {
      for (const listener of signalListeners.get(workspaceId) ?? []) {
        try {
          listener(data);
        } catch {
          // Same as events: one broken tab does not silence the others.
        }
      }
    },
    subscribeSignals(workspaceId, listener) {
      const set = signalListeners.get(workspaceId) ?? new Set();
      signalListeners.set(workspaceId, set);
      set.add(listener);
      return () => { set.delete(listener); };
    },
    async close() {
      workspaces.clear();
      signalListeners.clear();
    },
  };
}
