import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('sorts by creation, within one millisecond too', () => {
    const ids = Array.from({ length: 500 }, (_, i) => newId(1_800_000_000_000 + Math.floor(i / 100)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
    expect(ids[0]).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('never goes back when the clock does', () => {
    const later = newId(1_900_000_000_000);
    expect(newId(1_800_000_000_000) > later).toBe(true);
  });
});
