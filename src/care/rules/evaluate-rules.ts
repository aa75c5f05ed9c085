/**
 * Runs a workspace's rules on one event. The result lists what fired (id, name and version,
 * for the "hidden by rule 'Insultes' v3" trail) and the actions to carry out, in order;
 * carrying them out is the caller's job.
 */
import type { Facts } from './facts.ts';
import { matchCondition } from './match-condition.ts';
import type { Action, Rule, RuleEvent } from './rule-schema.ts';

export interface FiredRule {
  ruleId: string;
  ruleName: string;
  version: number;
  actions: Action[];
}

export interface Evaluation {
  fired: FiredRule[];
  /** Every fired rule's actions, concatenated in firing order. */
  actions: Action[];
}

/** Whether one rule's conditions all hold (an empty list always holds). */
export function ruleMatches(rule: Rule, facts: Facts): boolean {
  return rule.conditions.every((condition) => matchCondition(condition, facts));
}

/**
 * Enabled rules for `event`, by ascending `order` (ties keep their given order), each firing
 * when all its conditions hold; a fired rule with `stop` ends the chain.
 *
 * @example evaluateRules(rules, 'message_received', facts).actions // [{ type: 'add_label', label: 'sav' }, …]
 */
export function evaluateRules(rules: readonly Rule[], event: RuleEvent, facts: Facts): Evaluation {
  const candidates = rules.filter((rule) => rule.enabled && rule.event === event).sort((a, b) => a.order - b.order);
  const fired: FiredRule[] = [];
  for (const rule of candidates) {
    if (!ruleMatches(rule, facts)) continue;
    fired.push({ ruleId: rule.id, ruleName: rule.name, version: rule.version, actions: rule.actions });
    if (rule.stop) break;
  }
  return { fired, actions: fired.flatMap((f) => f.actions) };
}
