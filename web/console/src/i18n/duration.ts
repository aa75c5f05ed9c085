import type { Locale } from './locale.ts';

/**
 * A short duration: "< 1 min", "12 min", "3 h", "2 j" (fr) / "2 days" (en). Seconds are
 * not shown: a list that ticks every 30 s would only show them wrong.
 */
export function formatDuration(locale: Locale, ms: number): string {
  const abs = Math.max(0, Math.abs(ms));
  if (abs < 60_000) return `< ${new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(1)}`;
  const [unit, size]: [string, number] = abs < 3_600_000 ? ['minute', 60_000] : abs < 86_400_000 ? ['hour', 3_600_000] : ['day', 86_400_000];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }).format(Math.floor(abs / size));
}

/** Hour and minute today, else the day and month: for a message's time in the thread. */
export function formatClock(locale: Locale, at: number, now: number = Date.now()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A near moment with its day: "mar. 24, 09:00" / "Tue 24, 09:00", for snooze choices. */
export function formatSoon(locale: Locale, at: number): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}
