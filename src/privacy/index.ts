/**
 * privacy: what the law lets a customer ask (GDPR). Export of everything Relais holds on a
 * person, erasure everywhere (rows, search index, job payloads, raw webhook bodies) with
 * anonymised counts kept for reports, and the handler of the shops' privacy webhooks.
 */
export type { PrivacyDeps, PrivacyActor } from './privacy-deps.ts';
export { exportContact, eraseContact, exportPersonalData, erasePersonalData, listPrivacyExports, getPrivacyExport } from './contact-requests.ts';
export { handleShopPrivacyRequest, shopPrivacyJob, SHOP_PRIVACY_QUEUE, type ShopPrivacyJob } from './shop-request.ts';
export type { PrivacyExport } from './export-subject.ts';
export type { ErasureCounts } from './erase-subject.ts';
