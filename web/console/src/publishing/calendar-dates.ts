/**
 * Day arithmetic for the publishing calendar. Days are `YYYY-MM-DD` strings in the
 * workspace's time zone (the server reads them there too); instants are shown in that zone.
 */
export type CalendarView = 'month' | 'week' | 'list';

const DAY_MS = 86_400_000;
const parse = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return format(parse(day) + days * DAY_MS);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(parse(day)).getUTCDay() + 6) % 7;
}

export function addMonths(day: string, months: number): string {
  const d = new Date(parse(day));
  return format(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** The days a view shows around `day`: a week from Monday, or whole weeks covering the month. */
export function periodDays(view: CalendarView, day: string): string[] {
  if (view === 'week') {
    const monday = addDays(day, -weekdayOf(day));
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  }
  const first = `${day.slice(0, 7)}-01`;
  const start = addDays(first, -weekdayOf(first));
  const last = addDays(addMonths(first, 1), -1);
  const end = addDays(last, 6 - weekdayOf(last));
  const days: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The view's period moved by one step (a month, a week; the list pages by week too). */
export function shiftPeriod(view: CalendarView, day: string, step: number): string {
  return view === 'month' ? addMonths(day, step) : addDays(day, 7 * step);
}

/** The wall clock of an instant in a zone: `{ day: '2026-12-08', time: '09:30' }`. */
export function wallClock(at: number, timeZone: string): { day: string; time: string } {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const [day, time] = text.split(' ') as [string, string];
  return { day, time };
}

export function todayIn(timeZone: string, now = Date.now()): string {
  return wallClock(now, timeZone).day;
}
