/**
 * Phone numbers: French national (06 12 34 56 78), French international (+33 6…, 0033 6…,
 * +33 (0)6…) and other international numbers (+44 7911 123456). Deliberately conservative:
 * a national number must be exactly ten digits starting 0[1-9], so order numbers, prices,
 * dates and postcodes never reach the shape, and an explicit "commande n°" / "order #"
 * right before the digits wins over the shape.
 */
import type { DetectorHit } from './detector-hit.ts';

const sep = '[\\s.\\-]?';
const french = `0[1-9](?:${sep}\\d{2}){4}`;
const frenchIntl = `(?:\\+|00)${sep}33${sep}(?:\\(0\\)${sep})?[1-9](?:${sep}\\d{2}){4}`;
// E.164 allows at most 15 digits after the "+"; 8 keeps "+15 000" (a price change) out.
const otherIntl = `(?:\\+|00)[1-9]\\d{0,2}(?:${sep}\\(0\\))?(?:${sep}\\d){7,12}`;
const phoneRe = new RegExp(
  `(?<![\\p{L}\\p{N}#+/])(?<!\\d[\\s.\\-])(?:${frenchIntl}|${french}|${otherIntl})(?![\\s.\\-]?\\d|[,/]\\d)`,
  'gu',
);
const referenceBefore = /(?:commande|order|cmd|n°|no|num[eé]ro de commande|r[eé]f(?:[eé]rence)?|facture|invoice|suivi|tracking|colis|#)\s*[:#°.]?\s*$/iu;

/**
 * @example detectPhones('appelez-moi au 06 12 34 56 78') // [{ start: 15, end: 29, … }]
 */
export function detectPhones(text: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const m of text.matchAll(phoneRe)) {
    const start = m.index;
    if (referenceBefore.test(text.slice(Math.max(0, start - 25), start))) continue;
    hits.push({ start, end: start + m[0].length, value: m[0] });
  }
  return hits;
}
