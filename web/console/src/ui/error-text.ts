import { ApiError } from '../api/client.ts';
import type { I18n, MessageKey } from '../i18n/index.ts';

const byCode: Record<string, MessageKey> = {
  'network.unreachable': 'error.network',
  'auth.invalid_credentials': 'error.invalidCredentials',
  'auth.wrong_password': 'error.wrongPassword',
  'auth.csrf_failed': 'error.csrf',
  'auth.forbidden': 'error.forbidden',
  'auth.required': 'error.sessionExpired',
  'auth.session_expired': 'error.sessionExpired',
  'request.invalid': 'error.invalidFields',
  'request.rate_limited': 'error.rateLimited',
  'member.last_owner': 'error.lastOwner',
  'member.already_exists': 'error.memberExists',
  'member.not_found': 'error.notFound',
  'invitation.not_found': 'error.invitationNotFound',
  'invitation.expired': 'error.invitationExpired',
  'invitation.wrong_account': 'error.wrongAccount',
  'setup.already_done': 'error.setupDone',
  'workspace.not_found': 'error.workspaceNotFound',
  'service.unavailable': 'error.unavailable',
  'idempotency.conflict': 'error.idempotencyConflict',
  'idempotency.in_progress': 'error.idempotencyInProgress',
};

/** A sentence for the person at the keyboard, in their language, for any failure. */
export function errorText(error: unknown, { t, relative }: Pick<I18n, 't' | 'relative'>): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.code === 'auth.throttled') {
    const wait = error.retryAfterSeconds;
    return wait ? t('error.throttled', { when: relative(Date.now() + wait * 1000) }) : t('error.throttledSoon');
  }
  const key = byCode[error.code];
  if (key) return t(key);
  // The server explains every code of its catalogue in the language the console asked for.
  return serverSaid(error) ? error.message : t('error.unexpected');
}

/** True when the message is the server's own sentence, not the client's technical stand-in. */
function serverSaid(error: ApiError): boolean {
  return error.status > 0 && error.code !== 'response.invalid' && error.message.length > 0 && error.message !== error.code;
}

/**
 * What to show beside one field. A few codes carry a field we can explain better than the
 * server's terse English; otherwise the server's own words are shown.
 */
export function fieldErrorText(error: unknown, field: string, { t }: Pick<I18n, 't'>): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'auth.wrong_password' && field === 'currentPassword') return t('error.wrongPassword');
  const messages = error.fields[field];
  if (!messages || messages.length === 0) return undefined;
  if (error.code === 'invitation.wrong_account') return t('error.wrongAccount');
  if (error.code === 'member.already_exists') return t('error.memberExists');
  return messages.map((message) => (message === 'required' ? t('validation.required') : message)).join(' ');
}
