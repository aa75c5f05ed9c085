/**
 * When a team is open: weekly periods in a time zone, public holidays, closed days and
 * exceptional openings. Stored per workspace or per channel as JSON and read back through
 * `businessHoursSchema`, so a hand-edited row fails at load instead of skewing every SLA.
 */
import { z } from 'zod';
import { say } from '../kernel/index.ts';
import { isValidTimeZone, type LocalDate } from './zoned-time.ts';

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A local opening period, 'HH:MM' to 'HH:MM'; `end` may be '24:00' (open until midnight). */
export interface Period {
  start: string;
  end: string;
}

export interface BusinessHours {
  /** IANA zone the periods are read in. */
  timeZone: string;
  /** Periods of each weekday; several per day leave room for a lunch break. */
  weekly: Record<Weekday, Period[]>;
  /** Built-in public holidays to close on. */
  holidays: 'fr' | 'none';
  /** Extra closed local dates (a shop's own bridge days, Alsace-Moselle holidays). */
  closedDays: LocalDate[];
  /** Exceptional openings; they replace the day's usual periods, even on a holiday. */
  openDays: { date: LocalDate; periods: Period[] }[];
}

const weekdayHours = [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '18:00' }];

/** Mon–Fri 9:00–12:30 and 13:30–18:00, Sat 10:00–13:00, Europe/Paris, French holidays. */
export const defaultBusinessHours: BusinessHours = {
  timeZone: 'Europe/Paris',
  weekly: {
    0: [], 1: weekdayHours, 2: weekdayHours, 3: weekdayHours, 4: weekdayHours, 5: weekdayHours,
    6: [{ start: '10:00', end: '13:00' }],
  },
  holidays: 'fr',
  closedDays: [],
  openDays: [],
};

const time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM between 00:00 and 24:00');
// Plain string comparison orders 'HH:MM' correctly.
const period = z.object({ start: time, end: time }).refine((p) => p.start < p.end, 'a period must end after it starts');

const periods = z.array(period).max(12).refine((list) => {
  const sorted = [...list].sort((p, q) => p.start.localeCompare(q.start));
  return sorted.every((p, i) => i === 0 || sorted[i - 1]!.end <= p.start);
}, 'periods of a day must not overlap');

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, say('Une date AAAA-MM-JJ.', 'A YYYY-MM-DD date.'))
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');

const weekly = z.object({ 0: periods, 1: periods, 2: periods, 3: periods, 4: periods, 5: periods, 6: periods })
  // With no weekly opening a business clock could never run; calendar-mode SLAs fit that team.
  .refine((w) => Object.values(w).some((list) => list.length > 0), 'at least one weekday must have opening hours');

/**
 * Validates stored or submitted business hours; missing fields take the defaults, so `{}`
 * parses to `defaultBusinessHours`. Lists are capped so bad input cannot slow every clock.
 *
 * @example businessHoursSchema.parse({ weekly: { ...defaultBusinessHours.weekly, 6: [] } })
 */
export const businessHoursSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, say('Fuseau horaire inconnu.', 'Unknown time zone.')).default(defaultBusinessHours.timeZone),
  weekly: weekly.default(defaultBusinessHours.weekly),
  holidays: z.enum(['fr', 'none']).default('fr'),
  closedDays: z.array(localDate).max(1000).default([]),
  openDays: z.array(z.object({ date: localDate, periods })).max(1000).default([]),
}) satisfies z.ZodType<BusinessHours, unknown>;
