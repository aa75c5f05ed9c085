import { request } from './client.ts';
import type { AttributionReport, PrivacyExportSummary, PromoCode, RecoverySettings, ReportRow, RetentionView } from '../../../../src/contracts/index.ts';

export type { AttributionReport, PrivacyExportSummary, PromoCode, RecoverySettings, ReportRow, RetentionView };

const v1 = '/api/v1';
const id = encodeURIComponent;

export const getRecoverySettings = () => request<RecoverySettings>('GET', `${v1}/recovery/settings`);
export const saveRecoverySettings = (settings: RecoverySettings) => request<RecoverySettings>('PUT', `${v1}/recovery/settings`, settings);
export const previewRecovery = (input: { template: string; language: 'fr' | 'en'; promoPercent: number | null; promoExpiryDays: number }) =>
  request<{ text: string }>('POST', `${v1}/recovery/preview`, input);

export const getAttributionReport = (from: string, to: string) =>
  request<AttributionReport>('GET', `${v1}/reports/attribution?from=${id(from)}&to=${id(to)}`);
export const listPromoCodes = () => request<{ promoCodes: PromoCode[] }>('GET', `${v1}/promo-codes`);
export const mapPromoCode = (input: { shopChannelId: string; code: string; sourceChannelId: string | null; postId: string | null; agentId: string | null }) =>
  request<{ id: string; reattributed: number }>('POST', `${v1}/promo-codes/map`, input);

export const setOptOut = (contactId: string, optedOut: boolean) => request<void>('POST', `${v1}/contacts/${id(contactId)}/opt-out`, { optedOut });
/** Everything Relais holds on the contact, as the JSON document the download saves. */
export const exportContact = (contactId: string) => request<unknown>('POST', `${v1}/contacts/${id(contactId)}/export`);
export const eraseContact = (contactId: string) =>
  request<{ contacts: number; conversations: number; messages: number; orders: number }>('POST', `${v1}/contacts/${id(contactId)}/erase`, { confirm: true });

export const listPrivacyExports = () => request<{ exports: PrivacyExportSummary[] }>('GET', `${v1}/privacy/exports`);
export const getPrivacyExport = (exportId: string) => request<unknown>('GET', `${v1}/privacy/exports/${id(exportId)}`);

export const getRetention = () => request<RetentionView>('GET', `${v1}/privacy/retention`);
export const saveRetention = (months: number | null) => request<RetentionView>('PUT', `${v1}/privacy/retention`, { months });
