import type { MessagePort } from 'node:worker_threads';
import type { Bus, BusEvent } from './bus.ts';

type Request = { id: number; op: 'publish'; workspaceId: string; type: string; data: unknown } | { id: number; op: 'signal'; workspaceId: string; data: unknown };
type Reply = { id: number; event: BusEvent } | { id: number; error: string };

/**
 * The bus of a thread that has no sockets (the embedded processing thread): what it
 * publishes crosses its message port into the bus of the thread that serves the sockets,
 * which gives the sequence number. It only publishes; listening happens where the sockets are.
 */
export function createPortBus(port: MessagePort, epoch: string): Bus {
  const waiting = new Map<number, { resolve(event: BusEvent): void; reject(error: Error): void }>();
  let next = 0;
  port.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if ('event' in reply) pending.resolve(reply.event);
    else pending.reject(new Error(reply.error));
  });
  // Nothing waiting means nothing to keep the thread alive for.
  port.unref();
  const unsupported = (what: string) => new Error(`${what} is only available on the thread serving the sockets`);
  return {
    driver: 'memory',
    epoch,
    publish(workspaceId, type, data) {
      const id = ++next;
      return new Promise<BusEvent>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        port.postMessage({ id, op: 'publish', workspaceId, type, data } satisfies Request);
      });
    },
    signal(workspaceId, data) {
      port.postMessage({ id: ++next, op: 'signal', workspaceId, data } satisfies Request);
    },
    subscribe() { throw unsupported('subscribe'); },
    subscribeSignals() { throw unsupported('subscribeSignals'); },
    head() { return Promise.reject(unsupported('head')); },
    since() { return Promise.reject(unsupported('since')); },
    async close() {
      for (const pending of waiting.values()) pending.reject(new Error('the bus is closed'));
      waiting.clear();
      port.close();
    },
  };
}

/** The other end of `createPortBus`: publishes what arrives on `port` into `bus` and answers with the event. */
export function serveBusOverPort(port: MessagePort, bus: Bus): void {
  port.on('message', (request: Request) => {
    if (request.op === 'signal') return bus.signal(request.workspaceId, request.data);
    bus.publish(request.workspaceId, request.type, request.data).then(
      (event) => port.postMessage({ id: request.id, event } satisfies Reply),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies Reply),
    );
  });
}
