import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, newId } from '../../kernel/index.ts';
import { createPresence, type BusEvent, type PresenceEntry } from '../../realtime/index.ts';
import type { HttpDeps } from '../deps.ts';
import { needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';

const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('resume'), epoch: z.string().max(64), seq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('ping') }),
  z.strictObject({ type: z.literal('presence'), conversationId: z.string().max(64).nullable(), typing: z.boolean() }),
]);

/** A browser may open the socket only from the page Relais served: same host, or the public URL. */
function assertSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (!origin) throw new AppError('auth.origin_refused', 'WebSocket connections need an Origin header');
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('auth.origin_refused', 'Origin is not a URL');
  }
  if (host !== request.headers.host && origin !== new URL(publicUrl).origin) {
    throw new AppError('auth.origin_refused', 'This origin may not open a realtime connection');
  }
}

/** How long live events wait for a silent client to say where it stands (docs/api.md). */
export const LIVE_GATE_MS = 1000;

/**
 * One socket per browser tab. The server says hello with the bus epoch and sequence, then
 * streams the workspace's events; after a reconnect the client sends `resume` and gets what
 * it missed, or `reload` when the bus cannot tell.
 *
 * Events go out in sequence order, each once per socket: live events are held until the
 * client's first message (or `LIVE_GATE_MS` after `hello`), and again while a `resume` is replayed, then
 * released after it, skipping what the replay already sent. Without that gate, an event
 * published between `hello` and `resume` went out live, then again in the replay, after the
 * older ones it had overtaken.
 */
export function realtimeRoutes(app: FastifyInstance, deps: HttpDeps): void {
  // Shared across processes in scale mode: an agent on another instance shows here too.
  const presence = deps.shared?.presence ?? createPresence();
  const tell = async (workspaceId: string, users: Promise<PresenceEntry[]>) => {
    const list = await users;
    lastTold.set(workspaceId, JSON.stringify(list));
    deps.bus.signal(workspaceId, { type: 'presence', users: list });
  };
  // Workspaces with sockets here, and the presence last told to them: entries of a process
  // that died expire in the shared store, and whoever still holds sockets tells the change.
  const local = new Map<string, number>();
  const lastTold = new Map<string, string>();
  if (presence.refreshMs > 0) {
    const timer = setInterval(() => void (async () => {
      await presence.refresh();
      for (const workspaceId of local.keys()) {
        const users = await presence.list(workspaceId);
        if (JSON.stringify(users) !== lastTold.get(workspaceId)) await tell(workspaceId, Promise.resolve(users));
      }
    })().catch(() => {}), presence.refreshMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  app.get('/api/v1/realtime', {
    websocket: true,
    config: { access: needs('workspace.read') },
    preValidation: async (request) => {
      assertSameOrigin(request, deps.config.publicUrl);
      if (callerOf(request).via !== 'session') throw new AppError('auth.forbidden', 'The realtime socket is for the console');
    },
  }, (socket, request) => {
    const { workspaceId, userId } = callerOf(request);
    const socketId = newId();
    const send = (message: unknown) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    local.set(workspaceId, (local.get(workspaceId) ?? 0) + 1);
    // Listeners are attached before anything is awaited, so no early message is missed.
    const name = deps.store.db.selectFrom('users').select('name').where('id', '=', userId!).executeTakeFirst().then((row) => row?.name ?? '');
    let lastSent = 0;
    const deliver = (event: BusEvent) => {
      if (event.seq <= lastSent) return;
      lastSent = event.seq;
      if (socket.readyState === socket.OPEN) socket.send(eventFrame(event));
    };
    // Held until the client has said where it stands, and during every replay it asked for.
    let held: BusEvent[] | undefined = [];
    let waitingForClient = true;
    let replays = 0;
    let gateTimer: NodeJS.Timeout | undefined;
    const release = () => {
      if (waitingForClient || replays > 0) return;
      const waiting = held ?? [];
      held = undefined;
      for (const event of waiting) deliver(event);
    };
    const clientSpoke = () => {
      clearTimeout(gateTimer);
      waitingForClient = false;
    };
    const off = deps.bus.subscribe(workspaceId, (event) => {
      if (held) held.push(event);
      else deliver(event);
    });
    const offSignals = deps.bus.subscribeSignals(workspaceId, (data) => send(data));
    socket.on('close', () => {
      clearTimeout(gateTimer);
      off();
      offSignals();
      const left = (local.get(workspaceId) ?? 1) - 1;
      if (left > 0) local.set(workspaceId, left);
      else {
        local.delete(workspaceId);
        lastTold.delete(workspaceId);
      }
      void tell(workspaceId, presence.remove(workspaceId, socketId)).catch(() => {});
    });
    socket.on('message', async (raw: Buffer) => {
      const parsed = clientMessage.safeParse(safeJson(raw.toString('utf8')));
      clientSpoke();
      if (!parsed.success || parsed.data.type !== 'resume') release();
      if (!parsed.success) return send({ type: 'error', code: 'request.invalid' });
      if (parsed.data.type === 'ping') return send({ type: 'pong' });
      if (parsed.data.type === 'presence') {
        const entry = { userId: userId!, name: await name, conversationId: parsed.data.conversationId, typing: parsed.data.typing };
        return tell(workspaceId, presence.set(workspaceId, socketId, entry)).catch(() => {});
      }
      held ??= [];
      replays++;
      try {
        const missed = await deps.bus.since(workspaceId, parsed.data.seq, parsed.data.epoch).catch(() => 'reload' as const);
        if (missed === 'reload') return send({ type: 'reload', epoch: deps.bus.epoch });
        // The replay restarts the count from where the client stands.
        lastSent = Math.min(lastSent, parsed.data.seq);
        for (const event of missed) deliver(event);
      } finally {
        replays--;
        release();
      }
    });
    void deps.bus.head(workspaceId).then(async (seq) => {
      send({ type: 'hello', epoch: deps.bus.epoch, seq });
      if (waitingForClient && socket.readyState === socket.OPEN) {
        gateTimer = setTimeout(() => {
          waitingForClient = false;
          release();
        }, LIVE_GATE_MS);
      }
      send({ type: 'presence', users: await presence.list(workspaceId) });
    }).catch(() => socket.close(1013, 'Try again later'));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// An event goes to every open tab of its workspace: it is serialised once, not once per socket.
const frames = new WeakMap<BusEvent, string>();
function eventFrame(event: BusEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = JSON.stringify({ type: 'event', event });
    frames.set(event, frame);
  }
  return frame;
}
