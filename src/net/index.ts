/**
 * net: the one guarded client for every server-side HTTP request (platform APIs, shops,
 * and later webhooks and media). Nothing in `src/` calls `fetch` towards an address an
 * admin or a platform chose except through `guardedFetch`. See docs/adr/0012.
 */
export { guardedFetch, checkOutboundUrl, policyFromEnv, type GuardedRequest, type OutboundPolicy } from './guarded-fetch.ts';
export { OutboundError, isOutboundError, type OutboundFailure } from './outbound-error.ts';
export { forbiddenRange } from './address-policy.ts';
export { outboundAppError } from './outbound-app-error.ts';
export { assertPlatformHost } from './platform-host.ts';
