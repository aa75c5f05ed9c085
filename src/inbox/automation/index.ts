/**
 * inbox/automation: the automation rules at work (storage, the `rules.run` job, carrying out
 * actions, dry-runs), the workspace's charter and brand voice, and the notifications rules
 * send. The pure parts (rule schema, evaluation, charter, voice checks) live in `care`.
 */
export { listRules, createRule, updateRule, setRuleEnabled, reorderRules, deleteRule, loadRules, type RuleDraft, type RuleView } from './rules-store.ts';
export { dryRunRule, DRY_RUN_MAX_SCANNED, type DryRunSample } from './dry-run-rule.ts';
export { runRulesForMessage, runRulesForEvent, enqueueRules, enqueueRulesForNew, RULES_QUEUE, RULES_ATTEMPTS, rulesJob, type RulesJob, type RuleTrailEntry } from './run-rules.ts';
export { type RulesDeps, type ActionOutcome } from './carry-out.ts';
export { hoursFor } from './gather-facts.ts';
export { currentCharter, saveCharter, type CharterView } from './charters.ts';
export { voiceSettings, saveVoiceSettings, checkReplyVoice, type VoiceView } from './voice.ts';
export { readSetting, appendSetting, type SettingKey, type StoredSetting } from './workspace-settings.ts';
export { listNotifications, markNotificationsRead, type NotificationView } from './notifications.ts';
