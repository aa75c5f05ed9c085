import type { ChatMessage } from './api.ts';

export interface LiveHandlers {
  message(message: ChatMessage): void;
  typing(typing: boolean): void;
  read(at: number): void;
  /** The line came back after a cut: refetch what may have been missed. */
  reconnected(): void;
}

/** The visitor's live line: reconnects with backoff, and says typing and read. */
export function connectLive(token: () => string | null, handlers: LiveHandlers) {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let everOpen = false;
  const open = () => {
    const current = token();
    if (!current) return;
    // The token goes as the second subprotocol: never in a URL, so never in a request log.
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/widget/api/socket`, ['relais-visitor', current]);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      if (everOpen) handlers.reconnected();
      everOpen = true;
    };
    ws.onmessage = (event) => {
      let data: { type?: string; message?: ChatMessage; typing?: boolean; at?: number };
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (data.type === 'message' && data.message) handlers.message(data.message);
      else if (data.type === 'typing') handlers.typing(Boolean(data.typing));
      else if (data.type === 'read' && typeof data.at === 'number') handlers.read(data.at);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      setTimeout(open, Math.min(15_000, 500 * 2 ** attempt++));
    };
  };
  const send = (message: unknown) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };
  open();
  return {
    typing: (typing: boolean) => send({ type: 'typing', typing }),
    read: () => send({ type: 'read' }),
  };
}
