/**
 * The site chat (webchat): a widget the shop embeds on its pages. There is no outside
 * platform: visitors' messages enter through Relais's own widget routes into the same
 * durable intake as webhooks, and a reply is "sent" by storing it for the visitor, whose
 * open widgets receive it live (the widget gateway watches the bus). See README.md.
 */
import type { ChannelProvider } from '../provider.ts';
import { connectWebchat } from './connect.ts';
import { parseWebchatDelivery, readDelivery, verifyWebchatRequest, webchatDedupeKey } from './inbound.ts';

export const WEBCHAT_MAX_TEXT = 2000;

export { WEBCHAT_SURFACE, webchatRequest, webchatDeliverySchema, type WebchatDelivery } from './inbound.ts';
export { webchatSettingsSchema, readWebchatSettings, originAllowed, normalizeOrigin, embedSnippet, type WebchatSettings } from './settings.ts';
export { signVisitorToken, verifyVisitorToken, VISITOR_TOKEN_TTL_MS, VISITOR_TOKEN_RENEWABLE_MS, type VisitorClaims } from './token.ts';
export { webchatChannelView, saveWebchatSettings, rotateIdentifySecret, identifySecretsOf } from './channel-settings.ts';
export { identitySchema, canonicalIdentity, signedIdentityString, signIdentity, checkIdentitySignature, IDENTIFY_MAX_AGE_MS, type IdentifyCheck, type VisitorIdentity } from './identify.ts';

/** @example createChannelRegistry([metaProvider, xProvider, webchatProvider]) */
export const webchatProvider: ChannelProvider = {
  provider: 'webchat',
  privateReplies: false,
  verify: (request, secrets) => verifyWebchatRequest(secrets.get('webchatKey'), request),
  dedupeKey: webchatDedupeKey,
  accountIds: (body) => [readDelivery(body).account],
  parse: parseWebchatDelivery,
  connect: connectWebchat,
  measure: (_surface, _action, text) => ({ used: [...text].length, max: WEBCHAT_MAX_TEXT }),
  // The visitor may be away for days: a reply is kept and shown when they come back.
  policy(facts) {
    if (facts.textLength > WEBCHAT_MAX_TEXT) return { ok: false, code: 'message.too_long', reason: `At most ${WEBCHAT_MAX_TEXT} characters`, closedAt: null };
    return { ok: true, tag: 'none', closesAt: null, note: null };
  },
  // The reply is already stored; the widget gateway pushes it to the visitor's open tabs.
  send: async (_channel, action) => {
    if (action.type !== 'message') return { ok: false, kind: 'permanent', reason: 'The site chat only carries messages' };
    return { ok: true, platformId: `webchat-out:${action.metadata}` };
  },
};
