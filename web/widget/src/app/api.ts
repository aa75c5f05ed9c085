/** The widget API as the frame calls it: same origin, the visitor token in a header. */
export interface Attachment {
  type: 'image' | 'file';
  url: string;
  name: string;
}

export interface ChatMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
  attachments: Attachment[];
  at: number;
  clientMessageId: string | null;
}

export interface History {
  conversationId: string | null;
  messages: ChatMessage[];
  agentReadAt: number | null;
  emailGiven: boolean;
}

export interface Settings {
  name: string;
  primaryColor: string;
  textColor: string;
  greeting: { fr: string; en: string };
  position: 'right' | 'left';
  language: 'auto' | 'fr' | 'en';
  open: boolean;
  backAt: number | null;
}

export interface Session {
  token: string;
  /** When the token stops opening the API; the widget renews it before. */
  expiresAt: number;
  visitorId: string;
  settings: Settings;
  history: History;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * `renew` gets a fresh token (a session call with the one held); an expired token's 401 is
 * answered by renewing once and trying again, so the visitor never sees it.
 */
export function createApi(getToken: () => string | null, renew?: () => Promise<void>) {
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, retried = false): Promise<T> => {
    const token = getToken();
    const response = await fetch(path, {
      method,
      headers: { ...(body !== undefined && !(body instanceof Blob) ? { 'content-type': 'application/json' } : {}), ...(token ? { 'x-relais-visitor': token } : {}), ...headers },
      ...(body === undefined ? {} : { body: body instanceof Blob ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : undefined;
    if (response.status === 401 && renew && !retried && path !== '/widget/api/session' && token) {
      await renew();
      return call<T>(method, path, body, headers, true);
    }
    if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? 'unknown', data?.error?.message ?? response.statusText);
    return data as T;
  };
  return {
    session: (channelId: string, parentOrigin: string, token: string | null) => call<Session>('POST', '/widget/api/session', { channelId, parentOrigin, token }),
    history: () => call<History>('GET', '/widget/api/history'),
    send: (message: { clientMessageId: string; text: string; attachments: string[]; email?: string }) => call<{ status: string }>('POST', '/widget/api/messages', message),
    identify: (identity: unknown, signature: string | null) => call<{ status: string }>('POST', '/widget/api/identify', { identity, signature }),
    upload: (file: File) => call<{ id: string; name: string; type: 'image' | 'file'; url: string }>('POST', '/widget/api/uploads', file, { 'content-type': file.type, 'x-file-name': encodeURIComponent(file.name) }),
  };
}

export type Api = ReturnType<typeof createApi>;
