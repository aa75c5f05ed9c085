/**
 * channels: the `ChannelProvider` interface every platform implements (webhook checks,
 * parsing into platform-neutral items, send policy, sending), the registry, and the
 * connected channels with their sealed credentials. One folder per provider.
 */
export type { InboundItem, MessageItem, CommentItem, ReactionItem, SignalItem, Party, Attachment } from './inbound-item.ts';
export type { ChannelProvider, ChannelContext, WebhookRequest, InstallationSecrets, OutboundAction, SendOutcome, FailureKind, PolicyFacts, PolicyDecision, ConnectSpec } from './provider.ts';
export { createChannelRegistry, type ChannelRegistry } from './registry.ts';
export { addChannel, findChannelByAccount, loadChannelContext, markChannelStatus, type NewChannel, type ChannelsDeps, type RoutedChannel } from './channels.ts';
export { metaProvider, META_DEFAULT_API_BASE } from './meta/index.ts';
export { xProvider, createXProvider, xLength, X_DEFAULT_API_BASE, XBackfillError, type XLength, type GateStore } from './x/index.ts';
export { webchatProvider, webchatChannelView, saveWebchatSettings, WEBCHAT_MAX_TEXT, WEBCHAT_SURFACE, webchatRequest, webchatSettingsSchema, readWebchatSettings, originAllowed, normalizeOrigin, embedSnippet, signVisitorToken, verifyVisitorToken, VISITOR_TOKEN_TTL_MS, VISITOR_TOKEN_RENEWABLE_MS, identitySchema, canonicalIdentity, signedIdentityString, signIdentity, checkIdentitySignature, IDENTIFY_MAX_AGE_MS, rotateIdentifySecret, identifySecretsOf, type IdentifyCheck, type WebchatSettings, type VisitorClaims, type VisitorIdentity } from './webchat/index.ts';
