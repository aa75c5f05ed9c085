/**
 * How a word reads in its surroundings: set phrases, lexicon look-ups (with elongated
 * spellings), intensifiers that need a sentiment word after them, spoken French negation
 * after the verb, and names that happen to be sentiment words.
 */
import { valenceOf, type Lexicon, type Phrase } from './lexicon.ts';
import { spellings, type Token } from './tokenize.ts';

export function matchPhrase(tokens: Token[], at: number, lexicon: Lexicon): Phrase | undefined {
  const candidates = lexicon.phrases.get(tokens[at]!.text);
  if (!candidates) return undefined;
  return candidates.find((p) => p.words.every((w, k) => tokens[at + k]?.text === w || tokens[at + k]?.alt === w));
}

export function lookup(forms: string[], lexicon: Lexicon): number | undefined {
  for (const form of forms) {
    const valence = valenceOf(lexicon, form);
    if (valence !== undefined) return valence;
  }
  return undefined;
}

export function intensifier(forms: string[], lexicon: Lexicon): number | undefined {
  for (const form of forms) {
    const factor = lexicon.intensifiers.get(form);
    if (factor !== undefined) return factor;
  }
  return undefined;
}

export function nextWordHasValence(tokens: Token[], at: number, lexicon: Lexicon): boolean {
  for (let k = at + 1; k < tokens.length && k <= at + 2; k++) {
    const next = tokens[k]!;
    if (next.kind !== 'word') return false;
    if (lookup(spellings(next), lexicon) !== undefined || lexicon.intensifiers.has(next.text) || lexicon.phrases.has(next.text)) return true;
  }
  return false;
}

/**
 * Spoken French drops "ne" and puts "pas" after the verb: "j'aime pas", "ça vaut pas le
 * coup". Not when "pas" opens its own phrase or negates the next word ("bon, pas cher").
 */
export function negatedAfter(tokens: Token[], at: number, lexicon: Lexicon): boolean {
  if (!lexicon.inflected) return false;
  const next = tokens[at + 1];
  if (next?.text !== 'pas' && next?.text !== 'jamais') return false;
  const after = tokens[at + 2];
  if (after === undefined || after.kind !== 'word') return true;
  return matchPhrase(tokens, at + 1, lexicon) === undefined && lookup(spellings(after), lexicon) === undefined;
}

/** "Super Eagles", "Best Buy", "Bon Marché": a capitalized word inside a run of them, mid-sentence. */
export function looksLikeName(tokens: Token[], at: number): boolean {
  if (!tokens[at]!.title) return false;
  const before = tokens[at - 1];
  if (before === undefined || before.kind !== 'word') return false;
  return before.title === true || tokens[at + 1]?.title === true;
}

export function followedBy(tokens: Token[], at: number, words: string[]): boolean {
  return words.every((w, k) => tokens[at + 1 + k]?.text === w);
}
