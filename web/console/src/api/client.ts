/**
 * The one way the console talks to Relais: JSON over fetch with the session cookie, the
 * CSRF header on every state-changing request, and every failure turned into an ApiError.
 */
export type FieldErrors = Record<string, string[]>;

/** Client-side codes sit beside the server's (`src/kernel/errors.ts`). */
export type ClientErrorCode = 'network.unreachable' | 'response.invalid';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  readonly retryAfterSeconds: number | undefined;
  /** The server's precise words when `message` is its catalogue sentence in the console's language. */
  readonly detail: string;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}, retryAfterSeconds?: number, detail?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
    this.detail = detail ?? message;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const sessionLost = new Set<() => void>();

/** Called when the server says the session is gone, so the app can send the user to sign-in. */
export function onSessionLost(listener: () => void): () => void {
  sessionLost.add(listener);
  return () => sessionLost.delete(listener);
}

/** Read at request time, never cached: signing in and accepting an invitation rotate it. */
export function csrfCookie(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'relais_csrf') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  // Signing out clears the cookie; GET /session hands out a fresh one for the next form.
  if (method !== 'GET' && csrfCookie() === undefined) await send('GET', '/api/v1/session');
  return (await send(method, path, body)) as T;
}

async function send(method: Method, path: string, body?: unknown): Promise<unknown> {
  // The server words its errors in the console's language (set on <html lang> by I18nProvider).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': document.documentElement.lang || 'fr' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfCookie();
  if (method !== 'GET' && csrf !== undefined) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? null : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network.unreachable', 'The server could not be reached');
  }
  if (response.status === 204) return undefined;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    if (payload === undefined) throw new ApiError(response.status, 'response.invalid', 'The server answered something that is not JSON');
    return payload;
  }
  const error = toApiError(response, payload);
  if (error.code === 'auth.required' || error.code === 'auth.session_expired') sessionLost.forEach((listener) => listener());
  throw error;
}

function toApiError(response: Response, payload: unknown): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : undefined;
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (!error || typeof error.code !== 'string') {
    const code = response.status >= 500 ? 'service.unavailable' : 'response.invalid';
    return new ApiError(response.status, code, `HTTP ${response.status}`, {}, retryAfterSeconds);
  }
  const message = typeof error.message === 'string' ? error.message : error.code;
  const detail = typeof error.detail === 'string' ? error.detail : undefined;
  return new ApiError(response.status, error.code, message, readFields(error.fields), retryAfterSeconds, detail);
}

function readFields(value: unknown): FieldErrors {
  if (!isRecord(value)) return {};
  const fields: FieldErrors = {};
  for (const [name, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) fields[name] = messages.filter((m): m is string => typeof m === 'string');
  }
  return fields;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
