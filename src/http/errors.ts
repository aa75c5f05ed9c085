import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorTexts, isAppError, languageFrom, type ErrorCode } from '../kernel/index.ts';
import { isDatabaseUnavailable } from '../store/index.ts';

// Fastify's own request errors, named in our catalogue.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_VALIDATION: 'request.invalid',
};

/** Turns anything thrown into `{"error":{"code","message"}}` with the catalogue's status. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const fastifyError = error as Partial<FastifyError> & SyntaxError;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, messageFor(mapped, fastifyError.message ?? ''));
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return new AppError('request.malformed_json', 'The body is not valid JSON');
  if (fastifyError.statusCode === 429) return new AppError('request.rate_limited', 'Too many requests; slow down');
  // A database restarting or failing over: say so at once and let the client try again.
  if (isDatabaseUnavailable(error)) return new AppError('service.unavailable', 'The database does not answer; try again in a moment', { retryAfterSeconds: 2, cause: error });
  return new AppError('internal.error', 'Something went wrong on our side', { cause: error });
}

function messageFor(code: ErrorCode, original: string): string {
  switch (code) {
    case 'request.malformed_json': return 'The body is not valid JSON';
    case 'request.too_large': return 'The body is too large';
    case 'request.unsupported_media_type': return 'Send JSON with Content-Type: application/json';
    default: return original;
  }
}

export function sendError(request: FastifyRequest, reply: FastifyReply, thrown: unknown): FastifyReply {
  const error = toAppError(thrown);
  if (error.status >= 500) request.log.error({ err: error.cause ?? thrown }, 'request failed');
  // A 4xx may carry what an outside API answered (a channel or shop connect): logged for the
  // admin of the installation, never sent to the caller.
  else if (error.cause !== undefined) request.log.warn({ code: error.code, cause: error.cause }, 'request refused');
  if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  // A French caller (the console sends its language) reads the catalogue's French sentence,
  // with the thrower's precise English words kept in `detail`; an English caller reads those.
  const french = languageFrom(request.headers['accept-language']) === 'fr';
  const message = french ? errorTexts[error.code].fr : error.message;
  const fields = french ? error.frenchFields ?? error.fields : error.fields;
  return reply.status(error.status).send({
    error: { code: error.code, message, ...(message !== error.message ? { detail: error.message } : {}), ...(fields ? { fields } : {}) },
  });
}
