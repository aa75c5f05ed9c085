/**
 * Finds tutoiement and vouvoiement markers in French text. Works on folded text (lower case,
 * no accents) and whole words only, so "tutu", "toit", "tester", "voust" say nothing, and
 * the euphonic "t" of "a-t-il" is not a "t'" of tutoiement.
 */
import { foldText, originalSpan } from '../charter/index.ts';

export interface AddressMarker {
  form: 'tu' | 'vous';
  word: string;
  span: [number, number];
}

const notWord = '(?<![\\p{L}\\p{N}])';
const endWord = '(?![\\p{L}\\p{N}])';
// "ton" is also a noun ("le ton de votre message"); an article before it means the noun.
const tuPronoun = new RegExp(`${notWord}(?<!(?:le|un|du|ce|au|mon|son|ton|quel|meme) )(?:tu|te|toi|ta|tes|ton)${endWord}`, 'gu');
// Elided "t'" (t'envoie, t'aider), but not the euphonic "-t-" (a-t-il, va-t'on).
const tuElided = new RegExp(`${notWord}(?<!-)t'(?=\\p{L})`, 'gu');
// "rendez-vous" is a noun, not an address.
const vousWord = new RegExp(`${notWord}(?<!rendez-)(?:vous|votre|vos|votres)${endWord}`, 'gu');
// Imperative with a hyphenated pronoun: "dis-moi", "envoie-nous" (tu) vs "dites-moi",
// "envoyez-nous" (vous). "-ons" is "nous" speaking ("allons-y"): neither form.
const imperative = new RegExp(`${notWord}(\\p{L}+)-(?:moi|nous|lui|en|y)${endWord}`, 'gu');
// Hyphenated words that look like imperatives but are not verbs.
const notVerbs = new Set(['vous', 'nous', 'toi', 'moi', 'lui', 'chez', 'entre', 'vis', 'peut']);
// The two vous imperatives that do not end in "-ez".
const irregularVous = new Set(['dites', 'faites']);

/**
 * @example findAddressMarkers('Dis-moi si ton colis est arrivé').map((m) => m.form) // ['tu', 'tu']
 */
export function findAddressMarkers(text: string): AddressMarker[] {
  const folded = foldText(text);
  const markers: AddressMarker[] = [];
  const add = (form: 'tu' | 'vous', index: number, length: number) => {
    const span = originalSpan(folded, index, index + length);
    markers.push({ form, word: text.slice(span[0], span[1]), span });
  };
  for (const m of folded.text.matchAll(tuPronoun)) add('tu', m.index, m[0].length);
  for (const m of folded.text.matchAll(tuElided)) add('tu', m.index, m[0].length);
  for (const m of folded.text.matchAll(vousWord)) add('vous', m.index, m[0].length);
  for (const m of folded.text.matchAll(imperative)) {
    const verb = m[1] ?? '';
    if (notVerbs.has(verb) || verb.endsWith('ons')) continue;
    add(verb.endsWith('ez') || irregularVous.has(verb) ? 'vous' : 'tu', m.index, m[0].length);
  }
  return markers.sort((a, b) => a.span[0] - b.span[0]);
}
