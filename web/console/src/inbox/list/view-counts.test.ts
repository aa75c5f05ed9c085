import { describe, expect, it } from 'vitest';
import { countFor, landingView } from './view-counts.ts';

const counts = { mine: 0, unassigned: 7, open: 9, pending: 2, snoozed: 1 };

describe('view counts', () => {
  it('reads each view’s count, « En attente » from the API’s pending, none for resolved', () => {
    expect(countFor(counts, 'unassigned')).toBe(7);
    expect(countFor(counts, 'waiting')).toBe(2);
    expect(countFor(counts, 'resolved')).toBeUndefined();
    expect(countFor(undefined, 'mine')).toBeUndefined();
  });

  it('lands an owner where the work is: theirs, else the unassigned, else all open', () => {
    expect(landingView(counts)).toBe('unassigned');
    expect(landingView({ ...counts, mine: 3 })).toBe('mine');
    expect(landingView({ ...counts, unassigned: 0 })).toBe('open');
    expect(landingView({ mine: 0, unassigned: 0, open: 0, pending: 0, snoozed: 0 })).toBe('mine');
  });
});
