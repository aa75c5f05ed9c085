import type { OutboundAction, SendOutcome } from '../provider.ts';
import type { XResponse } from './api.ts';
import type { RateGate } from './rate-gate.ts';

type Failure = Extract<SendOutcome, { ok: false }>;

// v1.1 codes for "cannot DM this user" (349) and "not following you" (150), still seen on v2 DM errors.
const DM_REFUSED_CODES = new Set([150, 349]);
const DM_REFUSED_TEXT = /direct messages?|send messages to this user/i;

/**
 * An X error answer in Relais's four kinds. X answers v2 problem bodies
 * (`{title, detail, type, status}`) and sometimes v1.1 `{errors:[{code,message}]}`; the status
 * decides, the body only words the reason (PLATFORMS.md §2.5: do not depend on the 429 body).
 */
export function classifyXError(response: XResponse, action: OutboundAction['type'], gate: RateGate): Failure {
  const { status, body } = response;
  const firstError = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  const detail = String(body?.detail ?? firstError?.message ?? body?.title ?? `HTTP ${status}`);
  const reason = `${detail} (HTTP ${status}${firstError?.code ? `, code ${firstError.code}` : ''})`;
  if (status === 429) return { ok: false, kind: 'rate_limited', reason, retryAfterMs: gate.untilReset(response.headers) };
  if (status === 401) return { ok: false, kind: 'auth', reason };
  if (status >= 500) return { ok: false, kind: 'transient', reason };
  if (status === 403 && action === 'message' && (DM_REFUSED_CODES.has(Number(firstError?.code)) || DM_REFUSED_TEXT.test(detail))) {
    return { ok: false, kind: 'permanent', reason: `This person does not accept direct messages: ${reason}` };
  }
  if (status === 404) return { ok: false, kind: 'permanent', reason: `Not found on X (deleted?): ${reason}` };
  return { ok: false, kind: 'permanent', reason };
}
