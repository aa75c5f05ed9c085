/**
 * French public holidays (jours fériés) for any year, computed rather than listed so no
 * table runs out. Alsace-Moselle adds Good Friday (Easter − 2) and Saint-Étienne (Dec 26);
 * they are not built in — a shop there adds them as closed days. Whit Monday stays in: it
 * is often the "journée de solidarité", but it remains a public holiday and most customer
 * teams are off.
 */
import { addDays, type LocalDate } from './zoned-time.ts';

export interface Holiday {
  date: LocalDate;
  name: string;
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian (Meeus/Jones/Butcher)
 * algorithm.
 *
 * @example easterSunday(2026) // '2026-04-05'
 */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The eleven French public holidays of `year`, in date order.
 *
 * @example frenchHolidays(2026).find((h) => h.name === 'Ascension')?.date // '2026-05-14'
 */
export function frenchHolidays(year: number): Holiday[] {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: `${y}-01-01`, name: "Jour de l'an" },
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    { date: `${y}-05-01`, name: 'Fête du Travail' },
    { date: `${y}-05-08`, name: 'Victoire 1945' },
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    { date: `${y}-07-14`, name: 'Fête nationale' },
    { date: `${y}-08-15`, name: 'Assomption' },
    { date: `${y}-11-01`, name: 'Toussaint' },
    { date: `${y}-11-11`, name: 'Armistice 1918' },
    { date: `${y}-12-25`, name: 'Noël' },
  ];
  return holidays.sort((p, q) => p.date.localeCompare(q.date));
}

/** Whether a local date is a French public holiday. */
export function isFrenchHoliday(date: LocalDate): boolean {
  return frenchHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}
