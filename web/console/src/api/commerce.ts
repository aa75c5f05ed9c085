import { request } from './client.ts';

const v1 = '/api/v1';
const id = encodeURIComponent;

export interface RecoverySettings {
  enabled: boolean;
  delayMinutes: number;
  templateFr: string;
  templateEn: string;
  promoPercent: number | null;
  promoExpiryDays: number;
  quietStart: string;
  quietEnd: string;
  timezone: string;
}

export interface ReportRow {
  key: string;
  label: string;
  currency: string;
  orders: number;
  revenueCents: number;
}

export interface AttributionReport {
  from: number;
  to: number;
  totals: { currency: string; orders: number; revenueCents: number }[];
  byChannel: ReportRow[];
  byModel: ReportRow[];
  byAgent: ReportRow[];
}

export interface PromoCode {
  id: string;
  shopChannelId: string;
  code: string;
  origin: 'relais' | 'mapped';
  percent: number | null;
  sourceChannelId: string | null;
  postId: string | null;
  agentId: string | null;
  createdAt: number;
}

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

export interface PrivacyExportSummary {
  id: string;
  source: 'admin' | 'shop';
  topic: string;
  contacts: number;
  createdAt: number;
}

export const listPrivacyExports = () => request<{ exports: PrivacyExportSummary[] }>('GET', `${v1}/privacy/exports`);
export const getPrivacyExport = (exportId: string) => request<unknown>('GET', `${v1}/privacy/exports/${id(exportId)}`);

/** How long the workspace keeps conversations, files and raw deliveries (`months` null: for ever). */
export interface RetentionView {
  months: number | null;
  version: number;
  updatedAt: number | null;
}

export const getRetention = () => request<RetentionView>('GET', `${v1}/privacy/retention`);
export const saveRetention = (months: number | null) => request<RetentionView>('PUT', `${v1}/privacy/retention`, { months });
