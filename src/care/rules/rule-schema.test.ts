import { describe, expect, it } from 'vitest';
import { ruleSchema } from './rule-schema.ts';

const valid = {
  id: 'insults',
  name: 'Insultes',
  version: 3,
  enabled: true,
  order: 10,
  event: 'message_received',
  conditions: [{ type: 'visibility', is: 'public' }, { type: 'text_contains', terms: ['connard'] }],
  actions: [{ type: 'hide_comment', charterClauseId: 'insults' }],
  stop: true,
};

const issuesOf = (input: unknown) => {
  const result = ruleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('ruleSchema', () => {
  it('accepts a stored rule and defaults text matching to whole words', () => {
    const rule = ruleSchema.parse(valid);
    expect(rule.conditions[1]).toEqual({ type: 'text_contains', terms: ['connard'], match: 'word' });
  });

  it('rejects missing fields', () => {
    const { version: _version, stop: _stop, ...partial } = valid;
    const issues = issuesOf(partial);
    expect(issues.some((i) => i.startsWith('version'))).toBe(true);
    expect(issues.some((i) => i.startsWith('stop'))).toBe(true);
  });

  it('rejects an unknown action, an unknown event and a misspelt field', () => {
    expect(issuesOf({ ...valid, actions: [{ type: 'delete_account' }] })[0]).toMatch(/^actions\.0/);
    expect(issuesOf({ ...valid, event: 'message_sent' })[0]).toMatch(/^event/);
    expect(issuesOf({ ...valid, actions: [{ type: 'add_label', lable: 'x' }] }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...valid, actions: [] })[0]).toMatch(/^actions/);
  });

  it('rejects an invalid or catastrophic regex with the reason', () => {
    expect(issuesOf({ ...valid, conditions: [{ type: 'text_matches', pattern: '(unclosed' }] })[0]).toMatch(/^conditions\.0\.pattern: invalid pattern/);
    expect(issuesOf({ ...valid, conditions: [{ type: 'text_matches', pattern: '(a+)+$' }] })[0]).toMatch(/nested quantifiers/);
  });

  it('rejects unknown intents and out-of-range values', () => {
    expect(issuesOf({ ...valid, conditions: [{ type: 'intent', any: ['order_issue/lost'] }] })[0]).toMatch(/unknown intent/);
    expect(issuesOf({ ...valid, conditions: [{ type: 'intent', any: ['order_issue', 'question'] }] })).toEqual([]);
    expect(issuesOf({ ...valid, actions: [{ type: 'set_priority', priority: 7 }] }).length).toBe(1);
    expect(issuesOf({ ...valid, actions: [{ type: 'snooze', durationMs: -1 }] }).length).toBe(1);
    expect(issuesOf({ ...valid, actions: [{ type: 'snooze', durationMs: 90 * 24 * 3600 * 1000 }] }).length).toBe(1);
    expect(issuesOf({ ...valid, actions: [{ type: 'notify', to: { kind: 'users', userIds: [] } }] }).length).toBe(1);
  });

  it('requires a "closed" business-hours condition for an auto-acknowledgement', () => {
    const ack = { ...valid, actions: [{ type: 'auto_acknowledge', cannedReplyId: 'closed-ack' }] };
    expect(issuesOf(ack)[0]).toMatch(/^actions: auto_acknowledge needs/);
    expect(issuesOf({ ...ack, conditions: [{ type: 'business_hours', is: 'closed' }] })).toEqual([]);
  });
});
