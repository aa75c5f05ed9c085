/**
 * One error type for the whole server. A code names what went wrong (`module.reason`); the
 * HTTP edge maps it to a status through the one table below, so domain code never speaks HTTP.
 */
export const errorCatalogue = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.unsupported_media_type': 415,
  'request.too_large': 413,
  'request.not_found': 404,
  'request.rate_limited': 429,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.session_expired': 401,
  'auth.throttled': 429,
  'auth.forbidden': 403,
  'auth.csrf_failed': 403,
  'auth.origin_refused': 403,
  'auth.wrong_password': 400,
  'setup.already_done': 409,
  'workspace.not_found': 404,
  'member.not_found': 404,
  'member.last_owner': 409,
  'member.already_exists': 409,
  'invitation.not_found': 404,
  'invitation.expired': 410,
  'invitation.wrong_account': 409,
  'token.not_found': 404,
  'channel.not_found': 404,
  'channel.window_closed': 409,
  'channel.already_connected': 409,
  'channel.needs_reconnect': 409,
  'channel.policy_refused': 409,
  'channel.address_refused': 400,
  'channel.unreachable': 422,
  'shop.address_refused': 400,
  'shop.unreachable': 422,
  'webhook.bad_signature': 401,
  'webhook.unknown_provider': 404,
  'inbound.not_found': 404,
  'conversation.not_found': 404,
  'contact.not_found': 404,
  'label.not_found': 404,
  'label.duplicate': 409,
  'canned_reply.not_found': 404,
  'canned_reply.duplicate': 409,
  'outbound.not_found': 404,
  'member.not_assignable': 400,
  'message.not_found': 404,
  'message.too_long': 400,
  'team.not_found': 404,
  'team.duplicate': 409,
  'job.conflict': 409,
  'job.not_found': 404,
  'job.invalid_payload': 400,
  'idempotency.key_required': 400,
  'idempotency.conflict': 409,
  'idempotency.in_progress': 409,
  'rule.not_found': 404,
  'settings.conflict': 409,
  'notification.not_found': 404,
  'promo_code.created_by_relais': 409,
  'privacy.export_not_found': 404,
  'contest.not_found': 404,
  'contest.not_drawn': 409,
  'contest.already_drawn': 409,
  'contest.still_running': 409,
  'ambassador.no_shop': 409,
  'ambassador.shop_refused': 502,
  'post.not_found': 404,
  'post.not_editable': 409,
  'post.invalid': 422,
  'media.not_found': 404,
  'internal.error': 500,
  'service.unavailable': 503,
  'report_export.not_found': 404,
  'report_export.not_ready': 409,
  'auth.token_expired': 401,
  'auth.token_scope': 403,
  'token.expiry_past': 400,
  'webhook.not_found': 404,
  'webhook.delivery_not_found': 404,
  'webhook.url_refused': 400,
  'webhook.disabled': 409,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** The same field errors worded in French, when the thrower could word them. */
  readonly frenchFields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, extra: { fields?: FieldErrors; frenchFields?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.frenchFields = extra.frenchFields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status(): number {
    return errorCatalogue[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
