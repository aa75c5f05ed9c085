import { describe, expect, it } from 'vitest';
import { defaultBusinessHours, type BusinessHours, type Period } from './business-hours.ts';
import { addBusinessMs, businessMsBetween, isOpen, nextOpening } from './business-time.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = Date.parse; // ISO strings with an explicit offset: +01:00 is CET, +02:00 CEST

const nineToSix: Period[] = [{ start: '09:00', end: '18:00' }];
/** Mon–Fri 9:00–18:00, no Saturday, French holidays, Paris. */
const weekdays: BusinessHours = {
  ...defaultBusinessHours,
  weekly: { 0: [], 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix, 6: [] },
};
const allDay: Period[] = [{ start: '00:00', end: '24:00' }];
const always: BusinessHours = { ...defaultBusinessHours, holidays: 'none', weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay } };

describe('a lunch break (default hours, Tuesday 2026-06-02)', () => {
  it('does not count 12:30–13:30', () => {
    // 11:00→12:30 = 1 h 30 + 13:30→15:00 = 1 h 30 → 3 h (calendar: 4 h).
    expect(businessMsBetween(defaultBusinessHours, at('2026-06-02T11:00+02:00'), at('2026-06-02T15:00+02:00'))).toBe(3 * HOUR);
  });

  it('carries the clock over the break', () => {
    // 12:00 + 1 h: 30 min until 12:30, the other 30 min from 13:30 → 14:00.
    expect(addBusinessMs(defaultBusinessHours, at('2026-06-02T12:00+02:00'), HOUR)).toBe(at('2026-06-02T14:00+02:00'));
  });

  it('is closed during the break and reopens at 13:30', () => {
    expect(isOpen(defaultBusinessHours, at('2026-06-02T13:00+02:00'))).toBe(false);
    expect(isOpen(defaultBusinessHours, at('2026-06-02T13:30+02:00'))).toBe(true);
    expect(nextOpening(defaultBusinessHours, at('2026-06-02T13:00+02:00'))).toBe(at('2026-06-02T13:30+02:00'));
    expect(nextOpening(defaultBusinessHours, at('2026-06-02T10:00+02:00'))).toBe(at('2026-06-02T10:00+02:00'));
  });

  it('ends a duration that fills a period exactly at its closing', () => {
    // 17:00 + 1 h = 18:00 that evening, not 9:00 the next morning.
    expect(addBusinessMs(defaultBusinessHours, at('2026-06-02T17:00+02:00'), HOUR)).toBe(at('2026-06-02T18:00+02:00'));
  });
});

describe('French holidays (Mon–Fri 9–18)', () => {
  it('skips Friday May 1st 2026', () => {
    // Thu Apr 30 17:00→18:00 = 1 h; Fri May 1 closed; Mon May 4 9:00→10:00 = 1 h → 2 h.
    expect(businessMsBetween(weekdays, at('2026-04-30T17:00+02:00'), at('2026-05-04T10:00+02:00'))).toBe(2 * HOUR);
    expect(isOpen(weekdays, at('2026-05-01T10:00+02:00'))).toBe(false);
  });

  it('skips Ascension Thursday, May 14th 2026', () => {
    // Wed 13 17:00→18:00 = 1 h; Thu 14 closed; Fri 15 9:00→10:00 = 1 h → 2 h.
    const from = at('2026-05-13T17:00+02:00');
    const to = at('2026-05-15T10:00+02:00');
    expect(businessMsBetween(weekdays, from, to)).toBe(2 * HOUR);
    // Without holidays Thursday counts its 9 h: 1 + 9 + 1 = 11 h.
    expect(businessMsBetween({ ...weekdays, holidays: 'none' }, from, to)).toBe(11 * HOUR);
    // Wed 17:30 + 1 h: 30 min Wed, 30 min Fri → Fri 9:30.
    expect(addBusinessMs(weekdays, at('2026-05-13T17:30+02:00'), HOUR)).toBe(at('2026-05-15T09:30+02:00'));
  });

  it('honours custom closed days', () => {
    // Closing Fri May 15 too (a bridge day): Wed 17:30 + 1 h → 30 min Wed + 30 min Mon 18 → 9:30.
    const bridge = { ...weekdays, closedDays: ['2026-05-15'] };
    expect(addBusinessMs(bridge, at('2026-05-13T17:30+02:00'), HOUR)).toBe(at('2026-05-18T09:30+02:00'));
  });
});

describe('Friday 17:30 with a 1 h business target', () => {
  it('is due Monday 9:30 with Mon–Fri hours', () => {
    // 17:30→18:00 = 30 min Fri June 5; 30 min left from Mon June 8 9:00 → 9:30.
    expect(addBusinessMs(weekdays, at('2026-06-05T17:30+02:00'), HOUR)).toBe(at('2026-06-08T09:30+02:00'));
  });

  it('is due Saturday 10:30 with the default hours (Saturday 10–13 counts)', () => {
    // 30 min Fri, then Sat June 6 10:00 + 30 min.
    expect(addBusinessMs(defaultBusinessHours, at('2026-06-05T17:30+02:00'), HOUR)).toBe(at('2026-06-06T10:30+02:00'));
  });

  it('starts the clock at the next opening when it arrives out of hours', () => {
    // Saturday 20:00: nothing until Mon 9:00 → + 1 h = 10:00; zero duration → the opening itself.
    expect(addBusinessMs(weekdays, at('2026-06-06T20:00+02:00'), HOUR)).toBe(at('2026-06-08T10:00+02:00'));
    expect(addBusinessMs(weekdays, at('2026-06-06T20:00+02:00'), 0)).toBe(at('2026-06-08T09:00+02:00'));
  });
});

describe('DST nights of 2026 in Europe/Paris', () => {
  it('counts Sunday March 29 as a 23-hour day', () => {
    // Sat 12:00 CET (11:00Z) → Sun 12:00 CEST (10:00Z) = 23 h, all open.
    expect(businessMsBetween(always, at('2026-03-28T12:00+01:00'), at('2026-03-29T12:00+02:00'))).toBe(23 * HOUR);
  });

  it('counts Sunday October 25 as a 25-hour day', () => {
    // Sun 00:00 CEST (Oct 24 22:00Z) → Mon 00:00 CET (Oct 25 23:00Z) = 25 h.
    expect(businessMsBetween(always, at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'))).toBe(25 * HOUR);
  });

  it('measures a 01:00–04:00 period that spans the change as its real length', () => {
    const night: Period[] = [{ start: '01:00', end: '04:00' }];
    const sundayNights: BusinessHours = { ...weekdays, weekly: { ...weekdays.weekly, 0: night } };
    // March: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z → 2 h. October: 01:00 CEST = Oct 24 23:00Z,
    // 04:00 CET = 03:00Z → 4 h.
    expect(businessMsBetween(sundayNights, at('2026-03-29T00:00+01:00'), at('2026-03-29T12:00+02:00'))).toBe(2 * HOUR);
    expect(businessMsBetween(sundayNights, at('2026-10-25T00:00+02:00'), at('2026-10-25T12:00+01:00'))).toBe(4 * HOUR);
  });

  it('keeps weekday openings at 9:00 local across both weekends', () => {
    // Fri Mar 27 17:30 CET + 1 h → Mon Mar 30 9:30 CEST (07:30Z).
    expect(addBusinessMs(weekdays, at('2026-03-27T17:30+01:00'), HOUR)).toBe(at('2026-03-30T07:30:00Z'));
    // Fri Oct 23 17:30 CEST + 1 h → Mon Oct 26 9:30 CET (08:30Z).
    expect(addBusinessMs(weekdays, at('2026-10-23T17:30+02:00'), HOUR)).toBe(at('2026-10-26T08:30:00Z'));
    // Fri 17:00 → Mon 10:00 is 2 business hours either way.
    expect(businessMsBetween(weekdays, at('2026-03-27T17:00+01:00'), at('2026-03-30T10:00+02:00'))).toBe(2 * HOUR);
  });
});

describe('an exceptional opening on Sunday June 7 2026', () => {
  const hours: BusinessHours = { ...weekdays, openDays: [{ date: '2026-06-07', periods: [{ start: '10:00', end: '12:00' }] }] };

  it('counts its periods and only them', () => {
    // Sat 00:00 → Mon 00:00: only Sunday 10:00–12:00 → 2 h.
    expect(businessMsBetween(hours, at('2026-06-06T00:00+02:00'), at('2026-06-08T00:00+02:00'))).toBe(2 * HOUR);
    // Fri 17:30 + 1 h: 30 min Fri, then Sun 10:00 + 30 min.
    expect(addBusinessMs(hours, at('2026-06-05T17:30+02:00'), HOUR)).toBe(at('2026-06-07T10:30+02:00'));
  });

  it('opens even on a holiday', () => {
    // Christmas 2026 is a Friday: an opening 10:00–16:00 that day gives 6 h.
    const christmas = { ...weekdays, openDays: [{ date: '2026-12-25', periods: [{ start: '10:00', end: '16:00' }] }] };
    expect(businessMsBetween(christmas, at('2026-12-25T00:00+01:00'), at('2026-12-26T00:00+01:00'))).toBe(6 * HOUR);
  });
});

describe('bounds', () => {
  const never: BusinessHours = { ...weekdays, weekly: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } };

  it('gives up instead of hanging on hours that never open', () => {
    expect(() => addBusinessMs(never, at('2026-06-05T17:30+02:00'), HOUR)).toThrow(RangeError);
    expect(nextOpening(never, at('2026-06-05T17:30+02:00'))).toBeNull();
  });

  it('refuses spans longer than about three years', () => {
    expect(() => businessMsBetween(weekdays, at('2020-01-01T00:00Z'), at('2026-01-01T00:00Z'))).toThrow(RangeError);
    expect(businessMsBetween(weekdays, at('2026-06-05T10:00+02:00'), at('2026-06-05T09:00+02:00'))).toBe(0);
  });
});
