import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../api/routing.ts';
import { draftOf, hoursOf, parsePeriods } from './hours-form.ts';

const week = [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '18:00' }];
const hours: BusinessHours = {
  timeZone: 'Europe/Paris', holidays: 'fr', closedDays: ['2026-12-26'],
  weekly: { 0: [], 1: week, 2: week, 3: week, 4: week, 5: week, 6: [{ start: '10:00', end: '13:00' }] },
  openDays: [{ date: '2026-12-20', periods: [{ start: '10:00', end: '17:00' }] }],
};

describe('business hours form', () => {
  it('shows each day as one line with its lunch break, and reads it back unchanged', () => {
    const draft = draftOf(hours);
    expect(draft.days[1]).toBe('09:00-12:30, 13:30-18:00');
    expect(draft.days[0]).toBe('');
    expect(draft.openDays).toBe('2026-12-20 10:00-17:00');
    expect(hoursOf(draft)).toEqual({ hours });
  });

  it('accepts short hours and dashes people type, and names the lines it cannot read', () => {
    expect(parsePeriods('9:00 – 12:00 ; 14:00-17:30')).toEqual([{ start: '09:00', end: '12:00' }, { start: '14:00', end: '17:30' }]);
    expect(parsePeriods('morning')).toBeNull();
    const draft = { ...draftOf(hours), closedDays: '26/12/2026', openDays: '2026-12-20' };
    draft.days[3] = '9h-12h';
    expect(hoursOf(draft)).toEqual({ invalid: ['weekly.3', 'closedDays', 'openDays'] });
  });
});
