// The automation endpoints of docs/api.md ("Automation"): rules, charter, voice, notifications.
import { request } from './client.ts';
import type { Action, Charter, Clause, Condition, DetectorName, DryRunResult, Notification, Rule, RuleDraft, RuleEvent, VoiceSettings, VoiceWarning } from '../../../../src/contracts/index.ts';

export type { Action, Charter, Clause, Condition, DetectorName, DryRunResult, Notification, Rule, RuleDraft, RuleEvent, VoiceSettings, VoiceWarning };

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const ruleEvents = ['message_received', 'conversation_created', 'sla_due_soon', 'sla_breached', 'cart_abandoned'] as const satisfies readonly RuleEvent[];
// Every event of the server's catalogue is offered: a new one fails the type check here.
export const allRuleEventsListed: Exclude<RuleEvent, (typeof ruleEvents)[number]> extends never ? true : never = true;

export const listRules = () => request<{ rules: Rule[] }>('GET', `${v1}/rules`);
export const createRule = (draft: RuleDraft) => request<Rule>('POST', `${v1}/rules`, draft);
export const updateRule = (ruleId: string, draft: RuleDraft) => request<Rule>('PATCH', `${v1}/rules/${id(ruleId)}`, draft);
export const setRuleEnabled = (ruleId: string, enabled: boolean) => request<void>('POST', `${v1}/rules/${id(ruleId)}/enabled`, { enabled });
export const deleteRule = (ruleId: string) => request<void>('DELETE', `${v1}/rules/${id(ruleId)}`);
export const reorderRules = (ids: string[]) => request<void>('POST', `${v1}/rules/reorder`, { ids });
export const dryRunRule = (rule: RuleDraft, days: number) => request<DryRunResult>('POST', `${v1}/rules/dry-run`, { rule, days });

export const detectorNames = ['phone', 'email', 'iban', 'card_number', 'link', 'shortened_link'] as const satisfies readonly DetectorName[];
export const allDetectorsListed: Exclude<DetectorName, (typeof detectorNames)[number]> extends never ? true : never = true;

export const getCharter = () => request<Charter>('GET', `${v1}/charter`);
export const saveCharter = (clauses: Clause[]) => request<Charter>('PUT', `${v1}/charter`, { clauses });

export const getVoice = () => request<VoiceSettings & { version: number }>('GET', `${v1}/voice`);
export const saveVoice = (settings: VoiceSettings) => request<VoiceSettings & { version: number }>('PUT', `${v1}/voice`, settings);
export const checkVoice = (text: string, visibility: 'public' | 'private') =>
  request<{ warnings: VoiceWarning[] }>('POST', `${v1}/voice/check`, { text, visibility });

export const listNotifications = () => request<{ notifications: Notification[]; unread: number }>('GET', `${v1}/notifications`);
export const markNotificationsRead = (notificationId?: string) => request<void>('POST', `${v1}/notifications/read`, notificationId ? { id: notificationId } : {});
