/**
 * The calendar day of an instant as `YYYY-MM-DD`: in `timeZone` when given (the workspace's:
 * report periods are sent as days and the server reads them as the workspace's local days),
 * else where the browser is. The UTC day would make « aujourd'hui » yesterday for the first
 * hour or two of a French night, and a browser on another zone than the shop's would leave
 * out the orders of the shop's today.
 */
export function localDay(at: number, timeZone?: string): string {
  if (timeZone) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  }
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
