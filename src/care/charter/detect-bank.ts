/**
 * IBANs and payment card numbers. Both carry a checksum (ISO 13616 mod-97, Luhn), so we
 * only report numbers that pass it: a random run of letters and digits, or a tracking
 * number, must not get a customer's comment hidden.
 */
import type { DetectorHit } from './detector-hit.ts';

const ibanRe = /(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?(?![\p{L}\p{N}])/giu;
const cardRe = /(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)/g;

/** ISO 13616: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(candidate: string): boolean {
  const compact = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = Number(`${remainder}${value}`) % 97;
  }
  return remainder === 1;
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * @example detectIbans('IBAN : FR76 3000 6000 0112 3456 7890 189')[0].value // 'FR76 3000 6000 0112 3456 7890 189'
 */
export function detectIbans(text: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const m of text.matchAll(ibanRe)) {
    // The greedy shape may swallow a following short word; drop trailing groups until valid.
    let value = m[0];
    while (value.replace(/\s/g, '').length >= 15 && !isValidIban(value)) {
      const cut = value.lastIndexOf(' ');
      if (cut < 0) break;
      value = value.slice(0, cut);
    }
    if (isValidIban(value)) hits.push({ start: m.index, end: m.index + value.length, value });
  }
  return hits;
}

/**
 * @example detectCardNumbers('ma carte 4970 1012 3456 7899')
 */
export function detectCardNumbers(text: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const m of text.matchAll(cardRe)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) {
      hits.push({ start: m.index, end: m.index + m[0].length, value: m[0] });
    }
  }
  return hits;
}
