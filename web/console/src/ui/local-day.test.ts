import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from './local-day.ts';

describe('localDay', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('gives a Paris user today after midnight in Paris, while it is still yesterday in UTC', () => {
    process.env.TZ = 'Europe/Paris';
    expect(localDay(Date.parse('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(localDay(Date.parse('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(localDay(Date.parse('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('gives the workspace\'s today when its zone is named, whatever the browser\'s', () => {
    process.env.TZ = 'UTC';
    // 23:17 UTC on 7 December is already 8 December in Paris: an order placed then is the shop's today.
    expect(localDay(Date.parse('2026-12-07T23:17:00Z'), 'Europe/Paris')).toBe('2026-12-08');
    expect(localDay(Date.parse('2026-12-07T23:17:00Z'))).toBe('2026-12-07');
    expect(localDay(Date.parse('2026-07-14T21:59:00Z'), 'Europe/Paris')).toBe('2026-07-14');
    expect(localDay(Date.parse('2026-07-14T03:00:00Z'), 'America/Montreal')).toBe('2026-07-13');
  });
});
