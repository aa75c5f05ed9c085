import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, localTimeToUtc, weekdayOf } from './zoned-time.ts';

const PARIS = 'Europe/Paris';

describe('localTimeToUtc', () => {
  it('uses winter (+01:00) and summer (+02:00) offsets', () => {
    expect(localTimeToUtc('2026-01-15', '09:00', PARIS)).toBe(Date.parse('2026-01-15T08:00:00Z'));
    expect(localTimeToUtc('2026-07-15', '09:00', PARIS)).toBe(Date.parse('2026-07-15T07:00:00Z'));
  });

  it('follows the March 2026 change: 02:00 CET jumps to 03:00 CEST on the 29th', () => {
    // Saturday 28th still CET: 09:00 − 1 h = 08:00Z. Sunday 29th after 03:00: 09:00 − 2 h = 07:00Z.
    expect(localTimeToUtc('2026-03-28', '09:00', PARIS)).toBe(Date.parse('2026-03-28T08:00:00Z'));
    expect(localTimeToUtc('2026-03-29', '09:00', PARIS)).toBe(Date.parse('2026-03-29T07:00:00Z'));
    expect(localTimeToUtc('2026-03-29', '01:00', PARIS)).toBe(Date.parse('2026-03-29T00:00:00Z'));
    // 02:30 never shows on the wall clock: it moves forward by the gap, to 03:30 CEST = 01:30Z.
    expect(localTimeToUtc('2026-03-29', '02:30', PARIS)).toBe(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('follows the October 2026 change: 03:00 CEST falls back to 02:00 CET on the 25th', () => {
    expect(localTimeToUtc('2026-10-24', '09:00', PARIS)).toBe(Date.parse('2026-10-24T07:00:00Z'));
    expect(localTimeToUtc('2026-10-25', '09:00', PARIS)).toBe(Date.parse('2026-10-25T08:00:00Z'));
    // 02:30 happens twice (00:30Z in CEST, 01:30Z in CET): the first one is taken.
    expect(localTimeToUtc('2026-10-25', '02:30', PARIS)).toBe(Date.parse('2026-10-25T00:30:00Z'));
  });

  it('reads 24:00 as the next midnight', () => {
    // Midnight starting Oct 26 is CET: 00:00 − 1 h = Oct 25 23:00Z.
    expect(localTimeToUtc('2026-10-25', '24:00', PARIS)).toBe(Date.parse('2026-10-25T23:00:00Z'));
  });

  it('works in zones with other rules', () => {
    // New York changes on 2026-03-08: 09:00 EDT (−04:00) = 13:00Z.
    expect(localTimeToUtc('2026-03-08', '09:00', 'America/New_York')).toBe(Date.parse('2026-03-08T13:00:00Z'));
  });
});

describe('local dates', () => {
  it('gives the local date of an instant, not the UTC one', () => {
    // 23:30Z on the 28th is 00:30 CET on the 29th in Paris.
    expect(localDateOf(Date.parse('2026-03-28T23:30:00Z'), PARIS)).toBe('2026-03-29');
    expect(localDateOf(Date.parse('2026-03-28T23:30:00Z'), 'UTC')).toBe('2026-03-28');
  });

  it('gives the date Intl gives for every instant around transitions, the odd ones too (offsets are kept per hour)', () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const reference = (atMs: number, timeZone: string) => {
      if (!formats.has(timeZone)) formats.set(timeZone, new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
      return formats.get(timeZone)!.format(atMs);
    };
    const around: [string, string][] = [
      [PARIS, '2026-03-29T01:00:00Z'], [PARIS, '2026-10-25T01:00:00Z'],
      ['America/St_Johns', '2026-11-01T04:30:00Z'], // −02:30 → −03:30, on a half hour
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a 30-minute change
      ['Asia/Beirut', '2026-10-24T21:00:00Z'], // midnight falls back to 23:00 of the day before
      ['Pacific/Apia', '2011-12-30T10:00:00Z'], // a whole day skipped
      ['Africa/Monrovia', '1972-01-07T00:44:30Z'], // −00:44:30 → UTC, an offset in seconds
      ['Asia/Tehran', '2021-09-21T19:30:00Z'], // 00:00 (+04:30) falls back to 23:00 the day before, mid-hour in UTC
      ['Asia/Kathmandu', '2026-06-01T18:15:00Z'], // +05:45, local midnight on a quarter hour
    ];
    for (const [zone, at] of around) {
      const mismatches: string[] = [];
      // Every 7 min 13 s (so instants land on every second of the minute) over two days, and
      // every second of the 20 minutes around the change.
      const from = Date.parse(at);
      const instants = [...Array.from({ length: 800 }, (_, i) => from - 86_400_000 + i * 433_123), ...Array.from({ length: 2400 }, (_, i) => from - 1_200_000 + i * 1000 + 999)];
      for (const instant of instants) if (localDateOf(instant, zone) !== reference(instant, zone)) mismatches.push(new Date(instant).toISOString());
      expect(mismatches, zone).toEqual([]);
    }
  });

  it('moves across month and year ends and names weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekdayOf('2026-05-01')).toBe(5); // a Friday
  });
});
