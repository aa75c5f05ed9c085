import { describe, expect, it } from 'vitest';
import { defaultAction, defaultCondition, moved, splitList, toggled } from './rule-parts.ts';

const lookups = { labelId: 'lbl', cannedReplyId: 'cr', userId: 'u' };

describe('rule editor parts', () => {
  it('starts a label condition and a reply action on what exists', () => {
    expect(defaultCondition('label', lookups)).toEqual({ type: 'label', is: 'present', label: 'lbl' });
    expect(defaultAction('reply', lookups)).toEqual({ type: 'reply', cannedReplyId: 'cr', visibility: 'private' });
    // An acknowledgement cannot be saved without a "closed" condition: the default condition is that one.
    expect(defaultCondition('business_hours', lookups)).toEqual({ type: 'business_hours', is: 'closed' });
  });

  it('moves a rule up or down, never out of the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('reads typed lists and toggles choices', () => {
    expect(splitList(' remboursé, arnaque ,, ')).toEqual(['remboursé', 'arnaque']);
    expect(toggled(['fr'], 'en', true)).toEqual(['fr', 'en']);
    expect(toggled(['fr', 'en'], 'fr', false)).toEqual(['en']);
  });
});
