import { describe, expect, it } from 'vitest';
import { addDays, periodDays, shiftPeriod, wallClock, weekdayOf } from './calendar-dates.ts';

describe('calendar days', () => {
  it('lays a month out in whole weeks from Monday', () => {
    const days = periodDays('month', '2026-12-17');
    expect(days[0]).toBe('2026-11-30');
    expect(days.at(-1)).toBe('2027-01-03');
    expect(days).toHaveLength(35);
    expect(weekdayOf('2026-12-07')).toBe(0);
  });

  it('shows a week from Monday and moves by periods across years', () => {
    expect(periodDays('week', '2027-01-01')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(shiftPeriod('month', '2026-12-17', 1)).toBe('2027-01-01');
    expect(shiftPeriod('week', '2026-12-30', 1)).toBe('2027-01-06');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('reads the wall clock in the workspace zone, summer time included', () => {
    expect(wallClock(Date.parse('2026-03-29T08:00:00Z'), 'Europe/Paris')).toEqual({ day: '2026-03-29', time: '10:00' });
    expect(wallClock(Date.parse('2026-12-31T23:30:00Z'), 'Europe/Paris')).toEqual({ day: '2027-01-01', time: '00:30' });
  });
});
