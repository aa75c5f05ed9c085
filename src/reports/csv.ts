/**
 * CSV lines (RFC 4180: fields quoted when they hold a comma, quote or line break). A text
 * field starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe, so a
 * customer's message never runs as a spreadsheet formula; numbers are written as numbers.
 *
 * @example csvLine(['a,b', 3, null]) // '"a,b",3,\r\n'
 */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
