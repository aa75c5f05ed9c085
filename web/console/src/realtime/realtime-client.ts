import type { PresenceUser, RealtimeEnvelope } from '../../../../src/contracts/index.ts';

/**
 * The console's one WebSocket per tab (docs/api.md, "Realtime"). It reconnects with backoff,
 * resumes from the last epoch and sequence it saw so no event is lost, and says `reload` when
 * the server cannot replay. Presence rides on the same socket. No React and no DOM here: the
 * socket and the timers are injected, so the rules are testable.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

/** An event of the server's catalogue (src/contracts/events.ts), with the bus's sequence. */
export type RealtimeEvent = RealtimeEnvelope;

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onmessage: ((message: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
}

export interface RealtimeClientOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
  random?: () => number;
  heartbeatMs?: number;
}

export interface RealtimeHandlers {
  event: (event: RealtimeEvent) => void;
  reload: () => void;
  presence: (users: PresenceUser[]) => void;
  state: (state: ConnectionState) => void;
  /** A site-chat visitor typing or reading (never replayed: only true now). */
  visitor?: (signal: VisitorSignal) => void;
}

export interface VisitorSignal {
  conversationId: string;
  typing?: boolean;
  readAt?: number;
}

const OPEN = 1;

/** 0.5 s, 1 s, 2 s … up to 15 s, each ±25 % so a restarted server is not hit by every tab at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + random() * 0.5));
}

export function createRealtimeClient(options: RealtimeClientOptions, handlers: RealtimeHandlers) {
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  let socket: SocketLike | undefined;
  let stopped = false;
  let attempt = 0;
  let retryTimer: unknown;
  let heartbeatTimer: unknown;
  let awaitingPong = false;
  /** Where this tab is in the workspace's event stream; kept across reconnects. */
  let position: { epoch: string; seq: number } | undefined;
  const recent = new Set<string>();
  let presence: { conversationId: string | null; typing: boolean } = { conversationId: null, typing: false };

  const send = (message: unknown) => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(message));
  };

  const heartbeat = () => {
    options.clearTimeout(heartbeatTimer);
    heartbeatTimer = options.setTimeout(() => {
      // No answer since the last ping: the connection is dead even if the browser has not noticed.
      if (awaitingPong && socket) return drop(socket, true);
      awaitingPong = true;
      send({ type: 'ping' });
      heartbeat();
    }, heartbeatMs);
  };

  const dispatch = (event: RealtimeEvent) => {
    // A replay and the live stream may both carry an event: handle each once.
    const key = `${event.epoch}:${event.seq}`;
    if (recent.has(key)) return;
    recent.add(key);
    if (recent.size > 1000) recent.delete(recent.values().next().value ?? '');
    if (!position || position.epoch !== event.epoch || event.seq > position.seq) position = { epoch: event.epoch, seq: event.seq };
    handlers.event(event);
  };

  const onMessage = (raw: unknown) => {
    awaitingPong = false;
    const message = parse(raw);
    if (!message) return;
    if (message.type === 'hello' && typeof message.epoch === 'string' && typeof message.seq === 'number') {
      attempt = 0;
      handlers.state('connected');
      if (position) send({ type: 'resume', epoch: position.epoch, seq: position.seq });
      else position = { epoch: message.epoch, seq: message.seq };
      // Always said, even "nowhere": the server answers with everyone's presence.
      send({ type: 'presence', ...presence });
    } else if (message.type === 'event' && isEvent(message.event)) {
      dispatch(message.event);
    } else if (message.type === 'reload') {
      if (typeof message.epoch === 'string') position = { epoch: message.epoch, seq: position?.epoch === message.epoch ? position.seq : 0 };
      handlers.reload();
    } else if (message.type === 'presence' && Array.isArray(message.users)) {
      handlers.presence(message.users as PresenceUser[]);
    } else if (message.type === 'visitor' && typeof message.conversationId === 'string') {
      handlers.visitor?.(message as unknown as VisitorSignal);
    }
  };

  const connect = () => {
    if (stopped) return;
    handlers.state(position ? 'reconnecting' : 'connecting');
    const current = options.createSocket(options.url);
    socket = current;
    current.onopen = () => heartbeat();
    current.onmessage = (message) => onMessage(message.data);
    current.onerror = () => drop(current, true);
    current.onclose = () => drop(current, false);
  };

  /** Forgets a socket at once (a browser may take long to report a dead one closed) and plans the next. */
  function drop(current: SocketLike, close: boolean) {
    if (socket !== current) return;
    socket = undefined;
    if (close) current.close();
    options.clearTimeout(heartbeatTimer);
    awaitingPong = false;
    handlers.presence([]);
    if (stopped) return;
    handlers.state('reconnecting');
    retryTimer = options.setTimeout(connect, reconnectDelay(attempt++, options.random));
  }

  return {
    start: connect,
    stop() {
      stopped = true;
      options.clearTimeout(retryTimer);
      options.clearTimeout(heartbeatTimer);
      socket?.close();
      socket = undefined;
    },
    /** Reconnects at once (the browser is back online), skipping the remaining backoff. */
    retryNow() {
      if (socket || stopped) return;
      options.clearTimeout(retryTimer);
      connect();
    },
    /** Says which conversation this tab shows and whether its agent is typing. */
    setPresence(conversationId: string | null, typing: boolean) {
      if (presence.conversationId === conversationId && presence.typing === typing) return;
      presence = { conversationId, typing };
      send({ type: 'presence', conversationId, typing });
    },
  };
}

export type RealtimeClient = ReturnType<typeof createRealtimeClient>;

function parse(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isEvent(value: unknown): value is RealtimeEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return typeof event.seq === 'number' && typeof event.epoch === 'string' && typeof event.type === 'string';
}

/** The socket URL for this page: same origin, wss: under https. */
export function realtimeUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/v1/realtime`;
}
