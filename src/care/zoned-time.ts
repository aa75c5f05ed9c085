/**
 * Local wall-clock dates and times in an IANA zone, converted to UTC instants with Intl only
 * (Node ships full ICU), so business hours follow the zone's DST rules without a tz library.
 */

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than using one; business-time loops ask
// for the same zone thousands of times, so formatters are kept per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `atMs` in `timeZone`, read as if it were UTC (milliseconds dropped). */
function wallClockAsUtc(atMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(atMs)) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at `atMs` (positive east of Greenwich). */
export function zoneOffsetMs(atMs: number, timeZone: string): number {
  const whole = Math.floor(atMs / 1000) * 1000;
  return wallClockAsUtc(whole, timeZone) - whole;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a local date and 'HH:MM' ('24:00' is the next midnight) in `timeZone`.
 * A time skipped by a spring-forward change moves forward by the gap (02:30 → 03:30), and a
 * time repeated by a fall-back change takes its first occurrence — Temporal's 'compatible'
 * choice, so an opening never lands before the wall clock shows it.
 *
 * @example localTimeToUtc('2026-03-29', '09:00', 'Europe/Paris') // 2026-03-29T07:00:00Z
 */
export function localTimeToUtc(date: LocalDate, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Offsets half a day either side bracket any single transition near this wall time.
  const before = zoneOffsetMs(wall - DAY_MS / 2, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS / 2, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => zoneOffsetMs(t, timeZone) === wall - t);
  if (candidates.length === 0) return wall - before; // in a gap: shift forward by it
  return Math.min(...candidates);
}

// Every business-time walk starts with the local date of an instant, and formatting one
// (formatToParts) is what the inbox's SLA clocks spent most of their time on: hundreds of rows
// a request, a few instants each. A zone's offset only changes at its transitions, and no zone
// has two of them within one hour, so an hour (UTC) whose first and last seconds have the same
// offset has it throughout: that offset is kept per zone and hour. An hour holding a
// transition is not cached and is formatted instant by instant, as before.
const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 20_000;
const hourOffsets = new Map<string, Map<number, number | null>>();

function offsetOfHour(atMs: number, timeZone: string): number | null {
  let hours = hourOffsets.get(timeZone);
  if (!hours) hourOffsets.set(timeZone, (hours = new Map()));
  const hour = Math.floor(atMs / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = zoneOffsetMs(hour * HOUR_MS, timeZone);
    offset = first === zoneOffsetMs((hour + 1) * HOUR_MS - 1000, timeZone) ? first : null;
    if (hours.size >= MAX_CACHED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  return offset;
}

/** The local date of the instant `atMs` in `timeZone`. */
export function localDateOf(atMs: number, timeZone: string): LocalDate {
  const offset = offsetOfHour(atMs, timeZone);
  // The wall clock drops the milliseconds, like `wallClockAsUtc`.
  const wall = offset === null ? wallClockAsUtc(atMs, timeZone) : Math.floor(atMs / 1000) * 1000 + offset;
  return new Date(wall).toISOString().slice(0, 10);
}

// Business-time walks step day by day from the same few dates: each step is remembered.
const MAX_CACHED_STEPS = 20_000;
const steps = new Map<string, LocalDate>();

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const key = `${date}|${days}`;
  let moved = steps.get(key);
  if (moved === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    moved = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    if (steps.size >= MAX_CACHED_STEPS) steps.clear();
    steps.set(key, moved);
  }
  return moved;
}

/** Day of week of a local date, 0 = Sunday … 6 = Saturday (like `Date#getDay`). */
export function weekdayOf(date: LocalDate): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}
