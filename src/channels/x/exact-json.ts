/**
 * X writes every tweet and user id twice: `id_str`, and `id` as a bare JSON number that is
 * past 2^53 (1851234567890123456). `JSON.parse` rounds such a number to another id without a
 * word. We read `id_str`, but a payload field that only exists as a number (a DM `source_app_id`
 * in some captures, a favorite's `id`) must stay exact too.
 *
 * Integers of 16 digits and more can only be ids here (epoch milliseconds have 13), so they
 * are quoted before parsing and arrive as exact strings.
 */
const LONG_DIGITS = 16;
const MAYBE_LONG = new RegExp(`[:,\\[]\\s*-?\\d{${LONG_DIGITS}}`);

/** `JSON.parse`, except that integer literals of 16+ digits become strings. */
export function parseXJson(text: string): unknown {
  return JSON.parse(MAYBE_LONG.test(text) ? quoteLongIntegers(text) : text);
}

function quoteLongIntegers(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      // Skip the whole string: digits inside text are not numbers.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (char !== '-' && (char < '0' || char > '9')) continue;
    let end = i + 1;
    while (end < text.length && /[-+.eE0-9]/.test(text[end]!)) end++;
    const token = text.slice(i, end);
    if (/^-?\d+$/.test(token) && token.replace('-', '').length >= LONG_DIGITS) {
      out += `${text.slice(copied, i)}"${token}"`;
      copied = end;
    }
    i = end - 1;
  }
  return out + text.slice(copied);
}
