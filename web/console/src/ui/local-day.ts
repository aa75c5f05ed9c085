/**
 * The calendar day of an instant where the user is, as `YYYY-MM-DD`. Report periods are sent
 * as days and the server reads them as the workspace's local days; the UTC day would make
 * « aujourd'hui » yesterday for the first hour or two of a French night.
 */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
