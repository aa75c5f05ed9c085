/**
 * "Which past messages would this rule have matched?" — shown in the rule editor before a
 * rule is enabled. It ignores `enabled`, `event` and `stop`: the author is asking about this
 * rule's conditions alone, over messages the caller already loaded.
 */
import type { Facts } from './facts.ts';
import { ruleMatches } from './evaluate-rules.ts';
import type { Rule } from './rule-schema.ts';

export const DRY_RUN_SAMPLES = 20;

export interface DryRunResult {
  matched: number;
  /** The first matches, in the order given. */
  samples: Facts[];
}

/** @example dryRun(insultsRule, lastMonthComments) // { matched: 12, samples: [...] } */
export function dryRun(rule: Rule, messages: readonly Facts[]): DryRunResult {
  let matched = 0;
  const samples: Facts[] = [];
  for (const facts of messages) {
    if (!ruleMatches(rule, facts)) continue;
    matched++;
    if (samples.length < DRY_RUN_SAMPLES) samples.push(facts);
  }
  return { matched, samples };
}
