/**
 * Emails, links and URL shorteners. Shorteners get their own detector because they hide the
 * destination: the usual vehicle of scam comments ("gagnez un iPhone → bit.ly/…").
 */
import type { DetectorHit } from './detector-hit.ts';

const emailRe = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const tlds = 'com|fr|net|org|io|ly|co|me|gl|gd|at|cc|gy|id|be|ch|eu|info|biz|xyz|shop|store|online|site|link|click|top|app';
// A scheme or "www." makes anything a link; a bare host needs a known TLD, so "c.o.n" or
// "M.Dupont" stay text. The lookbehind keeps the domain of an email from counting twice.
const linkRe = new RegExp(
  `(?:https?:\\/\\/[^\\s<>"]+|(?<![\\p{L}\\p{N}@.\\-])(?:www\\.)?(?:[a-z0-9-]+\\.)+(?:${tlds})(?![\\p{L}\\p{N}@-])(?:\\/[^\\s<>"]*)?)`,
  'giu',
);

export const urlShorteners = [
  'bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'cutt.ly', 'is.gd', 'buff.ly', 'rebrand.ly',
  'shorturl.at', 'tiny.cc', 'rb.gy', 't.ly', 's.id', 'bitly.com', 'lnkd.in', 'v.gd', 'shorte.st',
] as const;

function hostOf(link: string): string {
  return link.replace(/^https?:\/\//i, '').replace(/^www\./i, '').split(/[/?#:]/)[0]!.toLowerCase();
}

export function detectEmails(text: string): DetectorHit[] {
  return [...text.matchAll(emailRe)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: m[0] }));
}

/**
 * @example detectLinks('voir www.exemple.fr/promo') // [{ value: 'www.exemple.fr/promo', … }]
 */
export function detectLinks(text: string): DetectorHit[] {
  return [...text.matchAll(linkRe)].map((m) => {
    // Sentence punctuation right after a link belongs to the sentence.
    const value = m[0].replace(/[.,;:!?)\]]+$/, '');
    return { start: m.index, end: m.index + value.length, value };
  });
}

export function detectShortenedLinks(text: string): DetectorHit[] {
  return detectLinks(text).filter((hit) => (urlShorteners as readonly string[]).includes(hostOf(hit.value)));
}
