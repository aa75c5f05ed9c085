/**
 * The realtime bus: per-workspace events with a sequence number, fanned out to every
 * subscriber (the WebSocket gateway). Drivers: `memory` (one process) and, for several
 * processes, `redis`. A client that reconnects asks `since(seq)`; when the bus cannot
 * answer (events too old, or a different epoch after a restart), it reloads instead.
 */
export interface Bus {
  readonly driver: 'memory' | 'redis';
  /** Identifies this run of the sequence; a new epoch means sequences restarted. */
  readonly epoch: string;
  publish(workspaceId: string, type: string, data: unknown): Promise<BusEvent>;
  /** Several events of one workspace, numbered one after the other at the cost of one publish (the Redis bus: one transaction). */
  publishMany?(workspaceId: string, events: ReadonlyArray<{ type: string; data: unknown }>): Promise<BusEvent[]>;
  subscribe(workspaceId: string, listener: (event: BusEvent) => void): () => void;
  /** The last sequence number given out in the workspace (0 before any event). */
  head(workspaceId: string): Promise<number>;
  /** Events after `seq`, or 'reload' when they are no longer all known. */
  since(workspaceId: string, seq: number, epoch: string): Promise<BusEvent[] | 'reload'>;
  /** Fan-out of something only true now (presence, typing): no sequence, never replayed. */
  signal(workspaceId: string, data: unknown): void;
  subscribeSignals(workspaceId: string, listener: (data: unknown) => void): () => void;
  close(): Promise<void>;
}

export interface BusEvent {
  workspaceId: string;
  epoch: string;
  seq: number;
  type: string;
  data: unknown;
  at: number;
}
