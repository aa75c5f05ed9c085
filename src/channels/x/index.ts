/**
 * X (Twitter): mentions, replies and DMs through Account Activity webhooks (CRC, base64
 * signatures, v1.1 payloads) and API v2 with an OAuth 2.0 user token, plus a back-fill for
 * what webhooks miss. See README.md for what X guarantees and what it does not.
 */
import type { ChannelProvider } from '../provider.ts';
import { createXApi } from './api.ts';
import { backfillX } from './backfill.ts';
import { connectX } from './connect.ts';
import { answerXCrc } from './handshake.ts';
import { parseXDelivery, xAccountIds, xDedupeKey } from './inbound.ts';
import { reconcileX, sendToX, xProfile } from './outbound.ts';
import { xPolicy } from './policy.ts';
import { createRateGate, type GateStore } from './rate-gate.ts';
import { verifyXSignature } from './signature.ts';
import { xLength } from './length.ts';
import { X_MAX_DM_CHARACTERS, X_MAX_POST_WEIGHT } from './constants.ts';

export { X_DEFAULT_API_BASE, X_MAX_DM_CHARACTERS, X_MAX_POST_WEIGHT } from './constants.ts';
export { xLength, type XLength } from './length.ts';
export { xPolicy, type XPolicyFacts } from './policy.ts';
export { signXBody } from './signature.ts';
export { xCrcResponseToken } from './handshake.ts';
export type { GateStore } from './rate-gate.ts';
export { XBackfillError, encodeXCursor, decodeXCursor, type XBackfillCursor } from './backfill.ts';

/**
 * An X provider with its own rate gate (per channel and endpoint, in memory). `now` is the
 * clock the gate compares `x-rate-limit-reset` with: tests pass the sandbox's.
 *
 * @example createChannelRegistry([metaProvider, createXProvider()])
 */
export function createXProvider(options: { now?: () => number; gateStore?: GateStore } = {}): ChannelProvider {
  const gate = createRateGate(options.now ?? Date.now, options.gateStore);
  const api = createXApi(gate);
  return {
    provider: 'x',
    privateReplies: false,
    handshake: (query, secrets) => answerXCrc(query, secrets.get('xConsumerSecret')),
    verify(request, secrets) {
      const header = request.headers['x-twitter-webhooks-signature'];
      return verifyXSignature(request.rawBody, Array.isArray(header) ? header[0] : header, secrets.get('xConsumerSecret'));
    },
    dedupeKey: (request) => xDedupeKey(request.rawBody),
    accountIds: xAccountIds,
    parse: parseXDelivery,
    connect: (flags) => connectX(api, flags),
    policy: xPolicy,
    // Posts are weighed (links 23, emoji 2); direct messages count plain characters.
    measure: (_surface, action, text) => (action === 'public_reply'
      ? { used: xLength(text).weighted, max: X_MAX_POST_WEIGHT }
      : { used: [...text].length, max: X_MAX_DM_CHARACTERS }),
    send: (channel, action) => sendToX(api, gate, channel, action),
    reconcile: (channel, action) => reconcileX(api, channel, action),
    backfill: (channel, cursor) => backfillX(api, gate, channel, cursor),
    profile: (channel, _surface, externalId) => xProfile(api, channel, externalId),
  };
}

/** The provider the registry runs: one rate gate per process. */
export const xProvider: ChannelProvider = createXProvider();
