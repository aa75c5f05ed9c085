import { describe, expect, it } from 'vitest';
import { proposedReplyOf, ruleOfReason, ruleTrail } from './rule-trail.ts';

describe('rule trail', () => {
  it("reads the rule behind a hide from the register's reason", () => {
    expect(ruleOfReason("rule 'Insultes' v3")).toEqual({ name: 'Insultes', version: 3 });
    expect(ruleOfReason("rule 'L'arnaque' v12")).toEqual({ name: "L'arnaque", version: 12 });
    expect(ruleOfReason('Insulte (charte, art. 2)')).toBeUndefined();
    expect(ruleOfReason(null)).toBeUndefined();
  });

  it('keeps only well-formed trail entries from message meta', () => {
    const entry = { ruleId: 'r', ruleName: 'SAV', version: 2, event: 'message_received', at: 1, outcomes: [{ type: 'add_label', status: 'done' }] };
    expect(ruleTrail({ rules: [entry, { ruleName: 3 }, null] })).toEqual([entry]);
    expect(ruleTrail({})).toEqual([]);
  });

  it("offers the charter's protective reply only when it stored one", () => {
    expect(proposedReplyOf({ charter: { action: 'hide', proposedReply: 'Bonjour, nous avons masqué…' } })).toBe('Bonjour, nous avons masqué…');
    expect(proposedReplyOf({ charter: { action: 'flag' } })).toBeUndefined();
    expect(proposedReplyOf({})).toBeUndefined();
  });
});
