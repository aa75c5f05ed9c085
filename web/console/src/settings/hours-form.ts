import type { BusinessHours, Period } from '../api/routing.ts';

/**
 * Business hours as the settings form edits them: one line of text per weekday
 * ("09:00-12:30, 13:30-18:00"), one closed date per line, one exceptional opening per line
 * ("2026-12-24 09:00-12:00"). Parsing only shapes the text; the server checks the rest.
 */
export interface HoursDraft {
  timeZone: string;
  days: string[]; // index 0 = Sunday, as the API
  holidays: 'fr' | 'none';
  closedDays: string;
  openDays: string;
}

export const weekdayOrder = [1, 2, 3, 4, 5, 6, 0] as const;

export const formatPeriods = (periods: Period[]) => periods.map((p) => `${p.start}-${p.end}`).join(', ');

export function draftOf(hours: BusinessHours): HoursDraft {
  return {
    timeZone: hours.timeZone,
    days: [0, 1, 2, 3, 4, 5, 6].map((day) => formatPeriods(hours.weekly[String(day) as keyof BusinessHours['weekly']])),
    holidays: hours.holidays,
    closedDays: hours.closedDays.join('\n'),
    openDays: hours.openDays.map((d) => `${d.date} ${formatPeriods(d.periods)}`).join('\n'),
  };
}

/** "09:00-12:30, 13:30-18:00" → periods; null when a part is not HH:MM-HH:MM. */
export function parsePeriods(text: string): Period[] | null {
  const parts = text.split(/[,;]/).map((part) => part.trim()).filter(Boolean);
  const periods: Period[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) return null;
    const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`;
    periods.push({ start: pad(match[1]!, match[2]!), end: pad(match[3]!, match[4]!) });
  }
  return periods;
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** The draft as the API wants it, or the list of lines (by field) that could not be read. */
export function hoursOf(draft: HoursDraft): { hours: BusinessHours } | { invalid: string[] } {
  const invalid: string[] = [];
  const weekly = {} as BusinessHours['weekly'];
  draft.days.forEach((text, day) => {
    const periods = parsePeriods(text);
    if (!periods) invalid.push(`weekly.${day}`);
    weekly[String(day) as keyof BusinessHours['weekly']] = periods ?? [];
  });
  const closedDays = lines(draft.closedDays);
  if (closedDays.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) invalid.push('closedDays');
  const openDays = lines(draft.openDays).map((line) => {
    const [date = '', ...rest] = line.split(/\s+/);
    const periods = parsePeriods(rest.join(' '));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !periods || periods.length === 0) invalid.push('openDays');
    return { date, periods: periods ?? [] };
  });
  if (invalid.length > 0) return { invalid };
  return { hours: { timeZone: draft.timeZone.trim(), weekly, holidays: draft.holidays, closedDays, openDays } };
}
