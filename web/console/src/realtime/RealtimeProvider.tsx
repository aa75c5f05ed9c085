import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PresenceUser } from '../../../../src/contracts/index.ts';
import { createRealtimeClient, realtimeUrl, type ConnectionState, type RealtimeClient, type RealtimeEvent, type SocketLike, type VisitorSignal } from './realtime-client.ts';

/** What a page hears: an event, or `reload` when it must refetch everything it shows. */
export type RealtimeSignal = RealtimeEvent | { type: 'reload' };

interface Realtime {
  state: ConnectionState;
  presence: PresenceUser[];
  subscribe: (listener: (signal: RealtimeSignal) => void) => () => void;
  setPresence: (conversationId: string | null, typing: boolean) => void;
  subscribeVisitor: (listener: (signal: VisitorSignal) => void) => () => void;
}

const RealtimeContext = createContext<Realtime | null>(null);

function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const socket: SocketLike = {
    get readyState() { return ws.readyState; },
    send: (data) => ws.send(data),
    close: () => ws.close(),
    onopen: null, onmessage: null, onclose: null, onerror: null,
  };
  ws.onopen = () => socket.onopen?.();
  ws.onmessage = (message) => socket.onmessage?.({ data: message.data });
  ws.onclose = () => socket.onclose?.();
  ws.onerror = () => socket.onerror?.();
  return socket;
}

/** One socket for the signed-in tab; mount it once per workspace (the server scopes it by session). */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [presence, setPresenceUsers] = useState<PresenceUser[]>([]);
  const listeners = useRef(new Set<(signal: RealtimeSignal) => void>());
  const visitorListeners = useRef(new Set<(signal: VisitorSignal) => void>());
  const client = useRef<RealtimeClient | null>(null);
  // Pages say where they are in their own effects, which run before this provider's.
  const wanted = useRef<{ conversationId: string | null; typing: boolean }>({ conversationId: null, typing: false });

  useEffect(() => {
    const emit = (signal: RealtimeSignal) => listeners.current.forEach((listener) => listener(signal));
    const created = createRealtimeClient({
      url: realtimeUrl(window.location),
      createSocket: browserSocket,
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (timer) => window.clearTimeout(timer as number),
    }, {
      event: emit,
      reload: () => emit({ type: 'reload' }),
      presence: setPresenceUsers,
      state: setState,
      visitor: (signal) => visitorListeners.current.forEach((listener) => listener(signal)),
    });
    client.current = created;
    created.setPresence(wanted.current.conversationId, wanted.current.typing);
    created.start();
    const online = () => created.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      created.stop();
      client.current = null;
    };
  }, []);

  // Stable functions: pages put them in effect dependencies.
  const subscribe = useCallback((listener: (signal: RealtimeSignal) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const setPresence = useCallback((conversationId: string | null, typing: boolean) => {
    wanted.current = { conversationId, typing };
    client.current?.setPresence(conversationId, typing);
  }, []);
  const subscribeVisitor = useCallback((listener: (signal: VisitorSignal) => void) => {
    visitorListeners.current.add(listener);
    return () => {
      visitorListeners.current.delete(listener);
    };
  }, []);
  const value = useMemo<Realtime>(() => ({ state, presence, subscribe, setPresence, subscribeVisitor }), [state, presence, subscribe, setPresence, subscribeVisitor]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}

/** Calls `handler` for every event and reload, always with the latest handler. */
export function useRealtimeSignals(handler: (signal: RealtimeSignal) => void): void {
  const { subscribe } = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe((signal) => latest.current(signal)), [subscribe]);
}
