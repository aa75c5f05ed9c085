// The automation endpoints of docs/api.md ("Automation"): rules, charter, voice, notifications.
import { request } from './client.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export type RuleEvent = 'message_received' | 'conversation_created' | 'sla_due_soon' | 'sla_breached' | 'cart_abandoned';
export const ruleEvents: RuleEvent[] = ['message_received', 'conversation_created', 'sla_due_soon', 'sla_breached', 'cart_abandoned'];

/** Conditions and actions as the server validates them (src/care/rules/rule-schema.ts). */
export type Condition = { type: string } & Record<string, unknown>;
export type Action = { type: string } & Record<string, unknown>;

export interface RuleDraft {
  name: string;
  event: RuleEvent;
  conditions: Condition[];
  actions: Action[];
  stop: boolean;
  enabled?: boolean;
}

export interface Rule extends RuleDraft {
  id: string;
  version: number;
  enabled: boolean;
  order: number;
  updatedAt: number;
}

export interface DryRunResult {
  matched: number;
  scanned: number;
  days: number;
  samples: { messageId: string; conversationId: string; text: string; at: number; channelKind: string; surface: string; language: string; sentiment: string; intents: string[] }[];
}

export const listRules = () => request<{ rules: Rule[] }>('GET', `${v1}/rules`);
export const createRule = (draft: RuleDraft) => request<Rule>('POST', `${v1}/rules`, draft);
export const updateRule = (ruleId: string, draft: RuleDraft) => request<Rule>('PATCH', `${v1}/rules/${id(ruleId)}`, draft);
export const setRuleEnabled = (ruleId: string, enabled: boolean) => request<void>('POST', `${v1}/rules/${id(ruleId)}/enabled`, { enabled });
export const deleteRule = (ruleId: string) => request<void>('DELETE', `${v1}/rules/${id(ruleId)}`);
export const reorderRules = (ids: string[]) => request<void>('POST', `${v1}/rules/reorder`, { ids });
export const dryRunRule = (rule: RuleDraft, days: number) => request<DryRunResult>('POST', `${v1}/rules/dry-run`, { rule, days });

export type DetectorName = 'phone' | 'email' | 'iban' | 'card_number' | 'link' | 'shortened_link';
export const detectorNames: DetectorName[] = ['phone', 'email', 'iban', 'card_number', 'link', 'shortened_link'];

export interface Clause {
  id: string;
  title: string;
  description: string;
  detection: { keywords?: string[]; patterns?: string[]; detectors?: DetectorName[] };
  action: 'hide' | 'flag';
}

export interface Charter {
  version: number;
  clauses: Clause[];
  savedAt: number | null;
}

export const getCharter = () => request<Charter>('GET', `${v1}/charter`);
export const saveCharter = (clauses: Clause[]) => request<Charter>('PUT', `${v1}/charter`, { clauses });

export interface VoiceSettings {
  address: 'tu' | 'vous' | 'any';
  emoji: 'allowed' | 'sparingly' | 'none';
  signature?: string;
  avoidWords: string[];
}

export interface VoiceWarning {
  code: string;
  message_fr: string;
  message_en: string;
}

export const getVoice = () => request<VoiceSettings & { version: number }>('GET', `${v1}/voice`);
export const saveVoice = (settings: VoiceSettings) => request<VoiceSettings & { version: number }>('PUT', `${v1}/voice`, settings);
export const checkVoice = (text: string, visibility: 'public' | 'private') =>
  request<{ warnings: VoiceWarning[] }>('POST', `${v1}/voice/check`, { text, visibility });

export interface Notification {
  id: string;
  kind: string;
  conversationId: string | null;
  messageId: string | null;
  /** A rule's notification, or (kind 'weekly_report') last week's figures. */
  data: { ruleName?: string; version?: number; excerpt?: string; from?: string; conversations?: number; firstResponseMedianMs?: number | null; withinSlaShare?: number | null };
  createdAt: number;
  readAt: number | null;
}

export const listNotifications = () => request<{ notifications: Notification[]; unread: number }>('GET', `${v1}/notifications`);
export const markNotificationsRead = (notificationId?: string) => request<void>('POST', `${v1}/notifications/read`, notificationId ? { id: notificationId } : {});
