import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.ts';

// French puts a narrow no-break space before the unit; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('short durations', () => {
  it('picks the largest whole unit, in both languages', () => {
    expect(plain(formatDuration('fr', 42_000))).toBe('< 1 min');
    expect(plain(formatDuration('fr', 12 * 60_000 + 59_000))).toBe('12 min');
    expect(plain(formatDuration('fr', 3 * 3_600_000))).toBe('3 h');
    expect(plain(formatDuration('fr', 2 * 86_400_000))).toBe('2 j');
    expect(plain(formatDuration('en', 12 * 60_000))).toBe('12 min');
  });
});
