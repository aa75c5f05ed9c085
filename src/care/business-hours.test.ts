import { describe, expect, it } from 'vitest';
import { businessHoursSchema, defaultBusinessHours } from './business-hours.ts';

const nineToSix = [{ start: '09:00', end: '18:00' }];
const weekdaysOnly = { 0: [], 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix, 6: [] };

describe('businessHoursSchema', () => {
  it('fills every missing field with the defaults', () => {
    expect(businessHoursSchema.parse({})).toEqual(defaultBusinessHours);
  });

  it('accepts a lunch break, an opening until midnight and an exceptional Sunday', () => {
    const hours = businessHoursSchema.parse({
      timeZone: 'America/Martinique',
      weekly: { ...weekdaysOnly, 1: [{ start: '13:30', end: '24:00' }, { start: '09:00', end: '12:30' }] },
      closedDays: ['2026-08-14'],
      openDays: [{ date: '2026-12-20', periods: [{ start: '10:00', end: '17:00' }] }],
    });
    expect(hours.weekly[1]).toHaveLength(2);
    expect(hours.holidays).toBe('fr');
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Lutece' }],
    ['a time past 24:00', { weekly: { ...weekdaysOnly, 1: [{ start: '09:00', end: '25:00' }] } }],
    ['a period ending before it starts', { weekly: { ...weekdaysOnly, 1: [{ start: '18:00', end: '09:00' }] } }],
    ['overlapping periods', { weekly: { ...weekdaysOnly, 1: [{ start: '09:00', end: '13:00' }, { start: '12:30', end: '18:00' }] } }],
    ['a week with no opening at all', { weekly: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } }],
    ['a date that does not exist', { closedDays: ['2026-02-30'] }],
    ['a missing weekday', { weekly: { 1: nineToSix } }],
  ])('rejects %s', (_name, input) => {
    expect(businessHoursSchema.safeParse(input).success).toBe(false);
  });
});
