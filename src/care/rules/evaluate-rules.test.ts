import { describe, expect, it } from 'vitest';
import { evaluateRules } from './evaluate-rules.ts';
import type { Action } from './rule-schema.ts';
import { factsFor, ruleFor, SUNDAY_10H_PARIS } from './testing.ts';

const label = (name: string): Action => ({ type: 'add_label', label: name });

describe('evaluateRules', () => {
  it('passes every action kind through unchanged, in order', () => {
    const actions: Action[] = [
      { type: 'add_label', label: 'sav' },
      { type: 'assign', to: { kind: 'user', userId: 'u1' } },
      { type: 'assign', to: { kind: 'round_robin' } },
      { type: 'set_priority', priority: 3 },
      { type: 'hide_comment', charterClauseId: 'insults' },
      { type: 'hide_comment' },
      { type: 'reply', cannedReplyId: 'c1', visibility: 'public' },
      { type: 'reply', cannedReplyId: 'c2', visibility: 'private' },
      { type: 'auto_acknowledge', cannedReplyId: 'closed' },
      { type: 'notify', to: { kind: 'users', userIds: ['u1', 'u2'] } },
      { type: 'notify', to: { kind: 'admins' } },
      { type: 'snooze', durationMs: 3_600_000 },
    ];
    const rule = ruleFor({ actions, conditions: [{ type: 'business_hours', is: 'closed' }] });
    const result = evaluateRules([rule], 'message_received', factsFor({ at: SUNDAY_10H_PARIS }));
    expect(result.actions).toEqual(actions);
    expect(result.fired).toEqual([{ ruleId: 'r1', ruleName: 'Rule', version: 1, actions }]);
  });

  it('runs rules by ascending order, whatever the given order, and accumulates actions', () => {
    const rules = [
      ruleFor({ id: 'late', order: 20, actions: [label('late')] }),
      ruleFor({ id: 'early', order: 10, actions: [label('early'), label('early-2')] }),
    ];
    const result = evaluateRules(rules, 'message_received', factsFor());
    expect(result.fired.map((f) => f.ruleId)).toEqual(['early', 'late']);
    expect(result.actions).toEqual([label('early'), label('early-2'), label('late')]);
  });

  it('requires all conditions to hold', () => {
    const rule = ruleFor({ conditions: [{ type: 'visibility', is: 'public' }, { type: 'language', in: ['en'] }] });
    expect(evaluateRules([rule], 'message_received', factsFor({ language: 'fr' })).fired).toEqual([]);
    expect(evaluateRules([rule], 'message_received', factsFor({ language: 'en' })).fired).toHaveLength(1);
  });

  it('stops the chain after a fired rule with stop, but not after a stop rule that did not fire', () => {
    const rules = [
      ruleFor({ id: 'a', order: 1, actions: [label('a')] }),
      ruleFor({ id: 'hide', order: 2, stop: true, conditions: [{ type: 'text_contains', terms: ['arnaque'] }], actions: [{ type: 'hide_comment' }] }),
      ruleFor({ id: 'c', order: 3, actions: [label('c')] }),
    ];
    const scam = evaluateRules(rules, 'message_received', factsFor({ text: 'Site ARNAQUE' }));
    expect(scam.fired.map((f) => f.ruleId)).toEqual(['a', 'hide']);
    const normal = evaluateRules(rules, 'message_received', factsFor({ text: 'Merci' }));
    expect(normal.fired.map((f) => f.ruleId)).toEqual(['a', 'c']);
  });

  it('skips disabled rules, and a disabled stop rule does not stop the chain', () => {
    const rules = [
      ruleFor({ id: 'off', order: 1, enabled: false, stop: true, actions: [label('off')] }),
      ruleFor({ id: 'on', order: 2, actions: [label('on')] }),
    ];
    expect(evaluateRules(rules, 'message_received', factsFor()).actions).toEqual([label('on')]);
  });

  it('only runs rules written for the event', () => {
    const rules = [
      ruleFor({ id: 'msg', event: 'message_received', actions: [label('msg')] }),
      ruleFor({ id: 'sla', event: 'sla_breached', actions: [{ type: 'set_priority', priority: 3 }] }),
      ruleFor({ id: 'cart', event: 'cart_abandoned', actions: [label('cart')] }),
    ];
    expect(evaluateRules(rules, 'sla_breached', factsFor()).fired.map((f) => f.ruleId)).toEqual(['sla']);
    expect(evaluateRules(rules, 'conversation_created', factsFor())).toEqual({ fired: [], actions: [] });
  });

  it('records the version that fired, for the trail on the message', () => {
    const rule = ruleFor({ id: 'insults', name: 'Insultes', version: 3, actions: [{ type: 'hide_comment' }] });
    const [fired] = evaluateRules([rule], 'message_received', factsFor()).fired;
    expect(fired).toMatchObject({ ruleId: 'insults', ruleName: 'Insultes', version: 3 });
  });
});
