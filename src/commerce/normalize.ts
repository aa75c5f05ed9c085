/** Small normalisers shared by the shop connectors: money, emails, phones, times. */

/**
 * A decimal money string ("19.90", "1 234,5") in minor units, without going through floats;
 * a third decimal rounds half away from zero.
 *
 * @example toCents('19.90') // 1990
 */
export function toCents(value: unknown): number {
  // Woo writes some prices as JSON numbers: their shortest decimal form is what the shop wrote.
  if (typeof value === 'number') return /e/i.test(String(value)) ? Math.round(value * 100) : toCents(String(value));
  if (typeof value !== 'string' || value.trim() === '') return 0;
  const text = value.replace(/\s/g, '').replace(',', '.');
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return 0;
  const digits = (match[3] ?? '') + '000';
  // A shop set to three decimals sends "19.995": half a cent rounds away from zero, as on the receipt.
  const cents = Number(match[2] || '0') * 100 + Number(digits.slice(0, 2)) + (digits[2]! >= '5' ? 1 : 0);
  return match[1] === '-' ? -cents : cents;
}

export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.includes('@') ? email : null;
}

/** E.164 when it can be made so (French numbers without a country code get +33). */
export function normalizePhone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const digits = value.replace(/[^\d+]/g, '');
  if (digits.length < 6) return null;
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0') && digits.length === 10) return `+33${digits.slice(1)}`;
  return digits;
}

/** Epoch ms from an ISO time; Woo's `_gmt` fields carry no zone and are UTC. */
export function toTime(value: unknown, assumeUtc = false): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const text = assumeUtc && !/(Z|[+-]\d\d:?\d\d)$/.test(value) ? `${value}Z` : value;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : time;
}

export function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** A whole JSON number token, read at one position (sticky). */
const NUMBER_TOKEN = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * `JSON.parse` for shop payloads: an integer too large for a double (Shopify's ids are 64-bit)
 * comes out as its exact digits in a string, never rounded into another order's id.
 *
 * @example parseShopJson('{"id":9007199254740993}') // { id: '9007199254740993' }
 */
export function parseShopJson(body: string): unknown {
  let out = '';
  let copied = 0;
  let inString = false;
  for (let at = 0; at < body.length; at++) {
    const char = body[at]!;
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      continue;
    }
    if (char !== '-' && (char < '0' || char > '9')) continue;
    NUMBER_TOKEN.lastIndex = at;
    const token = NUMBER_TOKEN.exec(body);
    if (!token) continue;
    const end = at + token[0].length;
    if (token[1] === undefined && token[2] === undefined && !Number.isSafeInteger(Number(token[0]))) {
      out += `${body.slice(copied, at)}"${token[0]}"`;
      copied = end;
    }
    at = end - 1;
  }
  return JSON.parse(copied === 0 ? body : out + body.slice(copied));
}
