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

  it('moves across month and year ends and names weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekdayOf('2026-05-01')).toBe(5); // a Friday
  });
});
