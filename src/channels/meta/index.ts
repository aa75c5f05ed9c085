/**
 * Meta: Facebook Page comments, Messenger, and Instagram comments and DMs, as one provider
 * (a Page and its linked Instagram account are one channel). See README.md for what Meta
 * guarantees and what it does not.
 */
import type { ChannelProvider } from '../provider.ts';
import { answerMetaHandshake } from './handshake.ts';
import { verifyMetaSignature } from './signature.ts';
import { metaAccountIds, metaDedupeKey, parseMetaDelivery } from './inbound.ts';
import { metaProfile, reconcileMeta, sendToMeta } from './outbound.ts';
import { metaMaxLength, metaPolicy } from './policy.ts';
import { connectMeta } from './connect.ts';

export { META_DEFAULT_API_BASE } from './constants.ts';

export const metaProvider: ChannelProvider = {
  provider: 'meta',
  privateReplies: true,
  handshake: (query, secrets) => answerMetaHandshake(query, secrets.get('metaVerifyToken')),
  verify(request, secrets) {
    const secret = secrets.get('metaAppSecret');
    const header = request.headers['x-hub-signature-256'];
    return secret !== undefined && verifyMetaSignature(request.rawBody, Array.isArray(header) ? header[0] : header, secret);
  },
  dedupeKey: (request) => metaDedupeKey(request.rawBody),
  accountIds: metaAccountIds,
  parse: parseMetaDelivery,
  connect: connectMeta,
  policy: metaPolicy,
  measure: (surface, action, text) => ({ used: [...text].length, max: metaMaxLength(action === 'public_reply' ? surface : surface === 'facebook' ? 'messenger' : surface) }),
  send: sendToMeta,
  reconcile: reconcileMeta,
  profile: metaProfile,
};
