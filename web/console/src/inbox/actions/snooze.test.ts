import { describe, expect, it } from 'vitest';
import { localDateTimeValue, parseLocalDateTime, snoozeUntil } from './snooze.ts';

// Local dates: the presets follow the agent's clock, whatever the machine's zone.
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

describe('snooze presets', () => {
  it('snoozes for an hour', () => {
    expect(snoozeUntil('hour', at(2026, 11, 23, 16, 20))).toBe(at(2026, 11, 23, 17, 20).getTime());
  });

  it('wakes tomorrow at 9:00, across a month end', () => {
    expect(snoozeUntil('tomorrow', at(2026, 11, 30, 23, 50))).toBe(at(2026, 12, 1, 9).getTime());
  });

  it('wakes next Monday at 9:00, a full week later when today is Monday', () => {
    expect(snoozeUntil('monday', at(2026, 11, 25, 10))).toBe(at(2026, 11, 30, 9).getTime()); // Wednesday
    expect(snoozeUntil('monday', at(2026, 11, 29, 10))).toBe(at(2026, 11, 30, 9).getTime()); // Sunday
    expect(snoozeUntil('monday', at(2026, 11, 23, 8))).toBe(at(2026, 11, 30, 9).getTime()); // Monday
  });

  it('accepts a custom time only in the future', () => {
    const now = at(2026, 11, 23, 10).getTime();
    expect(parseLocalDateTime('2026-11-24T08:30', now)).toBe(at(2026, 11, 24, 8, 30).getTime());
    expect(parseLocalDateTime('2026-11-22T08:30', now)).toBeUndefined();
    expect(parseLocalDateTime('tomorrow', now)).toBeUndefined();
    expect(localDateTimeValue(at(2026, 1, 5, 7, 3).getTime())).toBe('2026-01-05T07:03');
  });
});
