/**
 * care/rules: "when [event] if [conditions] then [actions]" automation, pure. Rules are
 * validated JSON (`ruleSchema`); `evaluateRules` decides what fires on one event and
 * `dryRun` replays a rule over past messages. Storage, the job that runs rules on events,
 * carrying out actions and the editor UI live with their callers.
 */
export {
  actionSchema,
  conditionSchema,
  MAX_SNOOZE_MS,
  RULE_EVENTS,
  ruleSchema,
  type Action,
  type Condition,
  type Rule,
  type RuleEvent,
  type RuleInput,
} from './rule-schema.ts';
export type { Facts, Visibility } from './facts.ts';
export { evaluateRules, ruleMatches, type Evaluation, type FiredRule } from './evaluate-rules.ts';
export { dryRun, DRY_RUN_SAMPLES, type DryRunResult } from './dry-run.ts';
export { matchCondition } from './match-condition.ts';
// Its foldText is the rules' own (no positions kept); the charter exports the one with positions.
export { containsAny, type TextMatch } from './fold-text.ts';
export { regexProblem, REGEX_MAX_INPUT, REGEX_MAX_PATTERN } from './safe-regex.ts';
