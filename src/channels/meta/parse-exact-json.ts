/**
 * Meta ids are strings in current payloads, but some fields have been sent as bare JSON
 * numbers (`app_id` on echoes, the legacy feed `sender_id`, e.g. 10206635083634304), and
 * `JSON.parse` silently rounds integers past 2^53. An echo whose `app_id` came back rounded
 * would no longer match our app, and a sender id would point at someone else.
 *
 * Integers of 16 digits and more can only be ids here (epoch milliseconds have 13), so they
 * are quoted before parsing and reach the schemas as exact strings.
 */
const LONG_INTEGER_DIGITS = 16;
// Cheap pre-check: a long integer in value position. False positives only cost a scan.
const MAYBE_LONG_INTEGER = new RegExp(`[:,\\[]\\s*\\d{${LONG_INTEGER_DIGITS}}`);
const NUMBER_CHAR = /[-+.eE0-9]/;

/** `JSON.parse`, except that integer literals of 16+ digits become strings. */
export function parseExactJson(text: string): unknown {
  return JSON.parse(MAYBE_LONG_INTEGER.test(text) ? quoteLongIntegers(text) : text);
}

function quoteLongIntegers(text: string): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++; // skip the escaped character, which may be a quote
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      continue;
    }
    if (char !== '-' && (char < '0' || char > '9')) continue;
    let end = i;
    while (end < text.length && NUMBER_CHAR.test(text[end]!)) end++;
    const token = text.slice(i, end);
    if (token.length >= LONG_INTEGER_DIGITS && /^\d+$/.test(token)) {
      parts.push(text.slice(copiedUpTo, i), `"${token}"`);
      copiedUpTo = end;
    }
    i = end - 1;
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}
