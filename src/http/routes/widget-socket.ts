import type { FastifyInstance } from 'fastify';
import { markWebchatRead, outboundMessageId, visitorHistory, visitorMessage, webchatConversationInfo } from '../../inbox/index.ts';
import { newId } from '../../kernel/index.ts';
import { createMemoryLines } from '../../realtime/index.ts';
import type { HttpDeps } from '../deps.ts';
import { visitorAccess } from '../access.ts';
import { visitorCallOf } from '../authenticate.ts';
import { visitorSocketMessage } from './widget.validators.ts';

interface PresenceUser {
  conversationId: string | null;
  typing: boolean;
}

export { VISITOR_PROTOCOL } from './widget-access.ts';

/** How often an agent keeping the thread open refreshes the visitor's "read" mark. */
const AGENT_READ_EVERY_MS = 5000;
/** The least time between two read marks from one widget (later ones are folded into one). */
const READ_EVERY_MS = 1000;
/** The most live lines one visitor may hold open at once (one per tab). */
const MAX_LINES_PER_VISITOR = 10;
/** How often a visitor still typing is told again to the console. */
const TYPING_REMINDER_MS = 3000;

/**
 * The visitor's live line, one per open widget tab. Out: the team's replies once sent, the
 * visitor's own messages (other tabs), the agent typing, and "read" when an agent has the
 * thread open. In: typing and "read" from the visitor, told to the console as signals.
 */
export function widgetSocketRoutes(app: FastifyInstance, deps: HttpDeps): void {
  // Open lines per visitor: a tab each is plenty; a script opening thousands is not a visitor.
  const lines = deps.shared?.lines ?? createMemoryLines();
  app.get('/widget/api/socket', {
    websocket: true,
    // The token comes as a WebSocket subprotocol (see `visitorTokenOf`); the Origin is required.
    config: { access: visitorAccess('required') },
  }, (socket, request) => {
    const { channel, claims } = visitorCallOf(request);
    // Counted across every `serve` process in scale mode; a line of a process that died lapses.
    const lineKey = `visitor:${claims.visitorId}`;
    const lineId = newId();
    const admitted = lines.acquire(lineKey, lineId, MAX_LINES_PER_VISITOR).catch(() => true);
    // Until the count answers, what would be sent waits; a refused line gets nothing but the close.
    let held: unknown[] | null = [];
    void admitted.then((ok) => {
      const waiting = held ?? [];
      held = null;
      if (!ok) return socket.close(1008, 'Too many open chats');
      for (const message of waiting) send(message);
    });
    socket.on('close', () => {
      void admitted.then((ok) => (ok ? lines.release(lineKey, lineId) : undefined)).catch(() => {});
    });
    const workspaceId = channel.workspaceId;
    const send = (message: unknown) => {
      if (held) held.push(message);
      else if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    // The visitor's thread: looked up once, then learnt from the bus when it begins. Other
    // threads are remembered as such, so a busy workspace costs each open widget at most one
    // look-up per conversation, not one per event or per presence signal.
    let conversationId: string | null = null;
    const checked = new Map<string, Promise<boolean>>();
    const ready = visitorHistory(deps.inbox, channel, claims.visitorId, { messages: false }).then((history) => {
      conversationId ??= history.conversationId;
    }, () => undefined);
    const check = async (id: string) => {
      try {
        const { visitor } = await webchatConversationInfo(deps.inbox, workspaceId, id);
        if (visitor?.id === claims.visitorId) conversationId ??= id;
        return visitor?.id === claims.visitorId;
      } catch {
        // Unknown conversation, or the database failed: asked again next time.
        checked.delete(id);
        return false;
      }
    };
    const ours = async (id: string | undefined): Promise<boolean> => {
      if (!id) return false;
      await ready;
      if (conversationId) return id === conversationId;
      if (!checked.has(id)) {
        if (checked.size >= 1000) checked.clear();
        checked.set(id, check(id));
      }
      return checked.get(id)!;
    };
    let lastAgentRead = 0;
    let agentTyping = false;

    const off = deps.bus.subscribe(workspaceId, (event) => {
      const data = event.data as { conversationId?: string; messageId?: string; direction?: string; outboundId?: string; state?: string };
      const inbound = event.type === 'message.created' && data.direction === 'in' ? data.messageId : undefined;
      const sent = event.type === 'outbound.updated' && data.state === 'sent' ? data.outboundId : undefined;
      if (!inbound && !sent) return;
      void ours(data.conversationId).then(async (mine) => {
        if (!mine) return;
        const messageId = inbound ?? (await outboundMessageId(deps.store.db, workspaceId, sent!));
        const message = messageId ? await visitorMessage(deps.store.db, channel, claims.visitorId, messageId) : null;
        if (message) send({ type: 'message', message });
      });
    });
    const offSignals = deps.bus.subscribeSignals(workspaceId, (signal) => {
      const data = signal as { type?: string; users?: PresenceUser[] };
      if (data.type !== 'presence' || !Array.isArray(data.users)) return;
      void ready.then(async () => {
        const id = conversationId;
        if (!id) return;
        const here = data.users!.filter((user) => user.conversationId === id);
        const typing = here.some((user) => user.typing);
        if (typing !== agentTyping) {
          agentTyping = typing;
          send({ type: 'typing', typing });
        }
        if (here.length > 0 && deps.inbox.clock.now() - lastAgentRead >= AGENT_READ_EVERY_MS) {
          lastAgentRead = deps.inbox.clock.now();
          const { at } = await markWebchatRead(deps.inbox, channel, claims.visitorId, 'agent');
          send({ type: 'read', at });
        }
      });
    });
    // The widget says "typing" on every key and "read" on every reply: the team hears a
    // change of typing (or a reminder every few seconds) and at most one read mark a second.
    let typingSaid: { typing: boolean; at: number } | null = null;
    let lastRead = 0;
    let readLater: ReturnType<typeof setTimeout> | null = null;
    const markRead = async (id: string) => {
      lastRead = Date.now();
      const { at } = await markWebchatRead(deps.inbox, channel, claims.visitorId, 'visitor');
      deps.bus.signal(workspaceId, { type: 'visitor', conversationId: id, readAt: at });
    };
    socket.on('close', () => {
      off();
      offSignals();
      if (readLater) clearTimeout(readLater);
      if (conversationId) deps.bus.signal(workspaceId, { type: 'visitor', conversationId, typing: false });
    });
    socket.on('message', async (raw: Buffer) => {
      if (!(await admitted)) return;
      const parsed = visitorSocketMessage.safeParse(safeJson(raw.toString('utf8')));
      if (!parsed.success) return send({ type: 'error', code: 'request.invalid' });
      if (parsed.data.type === 'ping') return send({ type: 'pong' });
      await ready;
      const id = conversationId;
      if (!id) return;
      if (parsed.data.type === 'typing') {
        const { typing } = parsed.data;
        if (typingSaid?.typing === typing && Date.now() - typingSaid.at < TYPING_REMINDER_MS) return;
        typingSaid = { typing, at: Date.now() };
        return deps.bus.signal(workspaceId, { type: 'visitor', conversationId: id, typing });
      }
      const wait = lastRead + READ_EVERY_MS - Date.now();
      if (wait <= 0) return markRead(id);
      readLater ??= setTimeout(() => {
        readLater = null;
        void markRead(id).catch(() => undefined);
      }, wait);
    });
    send({ type: 'hello' });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
