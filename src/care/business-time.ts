/**
 * Open time between instants. Each local day's periods are turned into UTC intervals with the
 * zone's rules for that very day, so a DST night, a holiday or an exceptional opening is
 * simply a day with other intervals. Every walk is bounded (`MAX_SCAN_DAYS`): bad hours or
 * absurd spans raise a RangeError instead of hanging a request.
 */
import type { BusinessHours } from './business-hours.ts';
import { isFrenchHoliday } from './french-holidays.ts';
import { addDays, localDateOf, localTimeToUtc, weekdayOf, type LocalDate } from './zoned-time.ts';

/** About three years of local days: the longest walk any business-time function makes. */
export const MAX_SCAN_DAYS = 1100;

/** An open interval [start, end) in epoch milliseconds. */
export interface OpenInterval {
  start: number;
  end: number;
}

/**
 * The open intervals of one local date, in order: an exceptional opening replaces the day,
 * otherwise a closed day or holiday empties it, otherwise the weekday's periods apply.
 */
export function openIntervalsOn(hours: BusinessHours, date: LocalDate): readonly OpenInterval[] {
  // A day's intervals depend only on the hours and the date; the inbox asks for the same few
  // days for every row of a page, and each costs several time-zone conversions.
  let days = dayCache.get(hours);
  if (!days) dayCache.set(hours, (days = new Map()));
  let intervals = days.get(date);
  if (!intervals) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    intervals = computeIntervals(hours, date);
    days.set(date, intervals);
  }
  return intervals;
}

const dayCache = new WeakMap<BusinessHours, Map<LocalDate, OpenInterval[]>>();
const MAX_CACHED_DAYS = 4000;

function computeIntervals(hours: BusinessHours, date: LocalDate): OpenInterval[] {
  const exceptional = hours.openDays.find((day) => day.date === date);
  let periods = exceptional?.periods;
  if (!periods) {
    const closed = hours.closedDays.includes(date) || (hours.holidays === 'fr' && isFrenchHoliday(date));
    periods = closed ? [] : hours.weekly[weekdayOf(date)];
  }
  return [...periods]
    .sort((p, q) => p.start.localeCompare(q.start))
    .map((p) => ({ start: localTimeToUtc(date, p.start, hours.timeZone), end: localTimeToUtc(date, p.end, hours.timeZone) }))
    // A period inside a spring-forward gap collapses to nothing.
    .filter((interval) => interval.end > interval.start);
}

/** Open intervals day by day from the local date of `fromMs`, at most `MAX_SCAN_DAYS` days. */
function* intervalsFrom(hours: BusinessHours, fromMs: number): Generator<OpenInterval> {
  const first = localDateOf(fromMs, hours.timeZone);
  for (let day = 0; day < MAX_SCAN_DAYS; day++) yield* openIntervalsOn(hours, addDays(first, day));
  throw new RangeError(`business hours: no answer within ${MAX_SCAN_DAYS} days of ${new Date(fromMs).toISOString()}`);
}

/**
 * Open time, in milliseconds, between two instants (0 if `toMs` is not after `fromMs`).
 *
 * @example businessMsBetween(defaultBusinessHours, friday1730, monday0930) // 4 h: 30 min Fri + 3 h Sat + 30 min Mon
 */
export function businessMsBetween(hours: BusinessHours, fromMs: number, toMs: number): number {
  let total = 0;
  if (toMs <= fromMs) return total;
  for (const interval of intervalsFrom(hours, fromMs)) {
    if (interval.start >= toMs) return total;
    total += Math.max(0, Math.min(interval.end, toMs) - Math.max(interval.start, fromMs));
  }
  return total; // unreachable: the generator throws when it runs out
}

/**
 * The instant at which `durationMs` of open time has elapsed since `fromMs`. Outside hours
 * the clock starts at the next opening, so a zero duration gives that opening. A duration
 * that ends exactly at a closing gives the closing instant, not the next morning.
 *
 * @example addBusinessMs(hours, friday1730, 3_600_000) // Monday 09:30 with Mon–Fri 9–18
 */
export function addBusinessMs(hours: BusinessHours, fromMs: number, durationMs: number): number {
  let remaining = Math.max(0, durationMs);
  for (const interval of intervalsFrom(hours, fromMs)) {
    if (interval.end <= fromMs) continue;
    const start = Math.max(interval.start, fromMs);
    if (remaining <= interval.end - start) return start + remaining;
    remaining -= interval.end - start;
  }
  throw new RangeError('unreachable');
}

/** Whether the team is open at `atMs`. */
export function isOpen(hours: BusinessHours, atMs: number): boolean {
  return openIntervalsOn(hours, localDateOf(atMs, hours.timeZone)).some((i) => i.start <= atMs && atMs < i.end);
}

/**
 * `atMs` itself when open, else the start of the next open interval; null when nothing opens
 * within `MAX_SCAN_DAYS`.
 */
export function nextOpening(hours: BusinessHours, atMs: number): number | null {
  try {
    for (const interval of intervalsFrom(hours, atMs)) {
      if (interval.end > atMs) return Math.max(interval.start, atMs);
    }
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  return null;
}
