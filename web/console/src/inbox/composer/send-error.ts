import { ApiError } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/index.ts';

export interface SendProblem {
  key: MessageKey;
  /** When the window closed, read from the server's message ("… closed 2026-11-22T09:00:00.000Z"). */
  at?: number;
  /** The server's words when they say more than a code can. */
  detail?: string;
}

/** What to tell the agent when a send is refused; undefined leaves it to the generic error text. */
export function sendProblem(error: unknown): SendProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case 'channel.window_closed': {
      const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z/.exec(error.detail)?.[0];
      const at = iso ? Date.parse(iso) : NaN;
      return Number.isFinite(at) ? { key: 'composer.error.windowClosedAt', at } : { key: 'composer.error.windowClosed', detail: error.detail };
    }
    case 'channel.policy_refused': return { key: 'composer.error.refused', detail: error.detail };
    case 'channel.needs_reconnect': return { key: 'composer.error.reconnect' };
    case 'message.too_long': return { key: 'composer.error.tooLong', detail: error.detail };
    case 'conversation.not_found': return { key: 'error.notFound' };
    default: return undefined;
  }
}
