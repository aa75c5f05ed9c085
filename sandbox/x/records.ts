/** What the X sandbox saw Relais do, for assertions. Live arrays, emptied by `reset()`. */
export interface XSentTweet { id: string; accountId: string; text: string; inReplyToId: string | null; at: number }
export interface XSentDm { id: string; accountId: string; recipientId: string; text: string; at: number }
export interface XModeration { tweetId: string; accountId: string; hidden?: boolean; at: number }
export interface XApiCall {
  method: string;
  path: string;
  /** The route template: `POST /2/dm_conversations/with/:id/messages`. */
  endpoint: string;
  query: Record<string, string>;
  body: unknown;
  accountId?: string | undefined;
  /** Undefined while hung (`actThenHang`). */
  status?: number | undefined;
  at: number;
}

export interface XLog {
  tweets: XSentTweet[];
  dms: XSentDm[];
  hidden: XModeration[];
  deleted: XModeration[];
  likes: XModeration[];
  calls: XApiCall[];
}

export function createXLog(): XLog {
  return { tweets: [], dms: [], hidden: [], deleted: [], likes: [], calls: [] };
}

export function clearXLog(log: XLog): void {
  for (const list of Object.values(log) as unknown[][]) list.length = 0;
}
