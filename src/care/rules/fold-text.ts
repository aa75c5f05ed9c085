import { fold } from '../charter/index.ts';

/**
 * Text matching for rules. Customers type "REMBOURSÉ", "rembourse" or "remboursé" for the
 * same thing, so both sides are folded (lower case, accents and œ/æ ligatures removed)
 * before comparing.
 */

/** Lower case without accents or ligatures: "Sœur REMBOURSÉE" → "soeur remboursee". */
export function foldText(text: string): string {
  return fold(text); // the charter's folding: one definition of "the same letters" in care
}

/** Folded words separated by single spaces, with a space at each end for whole-word lookups. */
function wordString(text: string): string {
  const words = foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return ` ${words.join(' ')} `;
}

export type TextMatch = 'word' | 'substring';

/**
 * Whether `text` contains any of `terms`. By default a term must match whole words ("remise"
 * does not fire on "remiser", "pas reçu" matches "PAS   reçu !"), because substrings turn short
 * keywords into false positives on public comments; `substring` is there for stems ("rembours").
 *
 * @example containsAny('Toujours pas REMBOURSÉ', ['rembourse']) === true
 */
export function containsAny(text: string, terms: readonly string[], match: TextMatch = 'word'): boolean {
  if (match === 'substring') {
    const folded = foldText(text);
    return terms.some((term) => {
      const needle = foldText(term);
      return needle.length > 0 && folded.includes(needle);
    });
  }
  const haystack = wordString(text);
  return terms.some((term) => {
    const needle = wordString(term);
    return needle.trim().length > 0 && haystack.includes(needle);
  });
}
