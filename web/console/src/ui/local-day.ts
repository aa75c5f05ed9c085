import { todayIn } from '../publishing/calendar-dates.ts';

/**
 * The calendar day of an instant as `YYYY-MM-DD`: in `timeZone` when given (the workspace's:
 * report periods are sent as days and the server reads them as the workspace's local days),
 * else where the browser is. The UTC day would make « aujourd'hui » yesterday for the first
 * hour or two of a French night, and a browser on another zone than the shop's would leave
 * out the orders of the shop's today.
 */
export function localDay(at: number, timeZone?: string): string {
  if (timeZone) return todayIn(timeZone, at);
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
