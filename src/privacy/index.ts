/**
 * privacy: what the law lets a customer ask (GDPR). Export of everything Relais holds on a
 * person, erasure everywhere (rows, search index, job payloads, raw webhook bodies) with
 * anonymised counts kept for reports, the handler of the shops' privacy webhooks, and the
 * workspace's retention period (old conversations anonymised, old files and deliveries deleted).
 */
export type { PrivacyDeps, PrivacyActor } from './privacy-deps.ts';
export { exportContact, eraseContact, exportPersonalData, erasePersonalData, listPrivacyExports, getPrivacyExport } from './contact-requests.ts';
export { handleShopPrivacyRequest, shopPrivacyJob, shopRequestJob, SHOP_PRIVACY_QUEUE, type ShopPrivacyJob } from './shop-request.ts';
export { retentionSettings, saveRetentionSettings, applyRetention, applyAllRetention, RETENTION_QUEUE, type Retention, type RetentionView, type RetentionCounts } from './retention.ts';
export type { PrivacyExport } from './export-subject.ts';
export type { ErasureCounts } from './erase-subject.ts';
export { privacyJobs } from './jobs.ts';
