/**
 * Why a server-side request did not get an answer. `scheme`, `address` and `origin` are
 * refusals made before anything left Relais; `unreachable` (no such name, connection
 * refused or reset), `timeout` and `too_large` happened on the way.
 */
export type OutboundFailure = 'scheme' | 'address' | 'origin' | 'unreachable' | 'timeout' | 'too_large';

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
    /** True when the request may have reached the other side (a time-out or a reset after sending). */
    readonly maybeSent = false,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'OutboundError';
  }

  /** Refused by the guard: nothing was sent, and trying again cannot help. */
  get refused(): boolean {
    return this.reason === 'scheme' || this.reason === 'address' || this.reason === 'origin';
  }
}

export function isOutboundError(value: unknown): value is OutboundError {
  return value instanceof OutboundError;
}
