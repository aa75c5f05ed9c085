import { describe, expect, it } from 'vitest';
import { easterSunday, frenchHolidays, isFrenchHoliday } from './french-holidays.ts';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('frenchHolidays', () => {
  it('lists the eleven holidays of 2026', () => {
    // Easter 04-05: Monday +1 = 04-06; Ascension +39 = 04-05 + 25 (→ 04-30) + 14 = 05-14;
    // Whit Monday +50 = 05-14 + 11 = 05-25.
    expect(frenchHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
  });

  it.each([
    // Easter 03-31: +1 = 04-01; +39 = 03-31 + 31 (→ 05-01) + 8 = 05-09; +50 = 05-09 + 11 = 05-20.
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
    // Easter 04-20: +1 = 04-21; +39 = 04-20 + 10 (→ 04-30) + 29 = 05-29; +50 = 05-29 + 11 = 06-09.
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    // Easter 03-28: +1 = 03-29; +39 = 03-28 + 3 (→ 03-31) + 30 (→ 04-30) + 6 = 05-06; +50 = 05-17.
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
  ])('moves the Easter holidays of %i', (year, monday, ascension, whitMonday) => {
    const byName = new Map(frenchHolidays(year).map((h) => [h.name, h.date]));
    expect(byName.get('Lundi de Pâques')).toBe(monday);
    expect(byName.get('Ascension')).toBe(ascension);
    expect(byName.get('Lundi de Pentecôte')).toBe(whitMonday);
    expect(frenchHolidays(year)).toHaveLength(11);
  });

  it('answers for a single date', () => {
    expect(isFrenchHoliday('2026-05-01')).toBe(true);
    expect(isFrenchHoliday('2026-05-14')).toBe(true);
    expect(isFrenchHoliday('2026-05-15')).toBe(false);
    expect(isFrenchHoliday('2026-04-03')).toBe(false); // Good Friday: Alsace-Moselle only
  });
});
