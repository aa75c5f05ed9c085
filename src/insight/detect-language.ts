/**
 * French, English or other, for short social texts. Function words and French accents
 * decide most messages at once (fast, and right on three-word texts where trigram models
 * guess); only undecided texts go to franc's trigram model, restricted to French, English
 * and the neighbours a French shop hears most, so that "other" can still come out.
 * URLs, @mentions, hashtags, numbers and emojis are never counted.
 */
import { francAll } from 'franc-min';
import type { ClassifyHints, Language } from './classifier.ts';
import { foldAccents, type TokenizedText } from './tokenize.ts';

// Words frequent in one language and absent or rare in the other. Ambiguous ones
// ("a", "on", "me", "son", "fin") are left out on purpose.
const FRENCH = new Set(foldAccents(`le la les un une des du de et est je tu il elle nous vous ils elles mon ma mes ton
  ta tes sa ses notre votre vos leur leurs ce cette ces que qui quoi quand pas ne n' c' j' l' d' qu' m' s' t' avec pour
  dans sur au aux en mais ou donc car tres trop bien merci bonjour salut oui non toujours encore deja rien tout tous
  toute suis es sont ai avez avons ont ete etre avoir fait colis commande livraison recu dispo disponible taille
  ca cest jai svp stp aussi comme chez cela moi toi peu depuis vraiment alors ici y veux voudrais
  peux pouvez faire avoir besoin quel quelle combien bonjour`).split(/\s+/));
const ENGLISH = new Set(`the an and is are was were be been i you he she it we they my your his her our their this that
  these those what which who not no do does did to of in at for with from by have has had will would can could should
  order delivery thanks thank please hi hello yes still just get got ship shipping received refund i'm it's don't
  can't didn't there here about when where why how all any so very really love want need its im dont`.split(/\s+/));

const CANDIDATES = ['fra', 'eng', 'spa', 'por', 'ita', 'deu', 'nld'];

/**
 * Detects the language of a tokenized message.
 *
 * @example detectLanguage(tokenize('do you ship to Belgium?')) === 'en'
 */
export function detectLanguage(text: TokenizedText, hints?: ClassifyHints): Language {
  let fr = Math.min(text.frenchMarks, 3) * 0.7;
  let en = 0;
  let words = 0;
  let letters = 0;
  const plain: string[] = [];
  for (const token of text.tokens) {
    if (token.kind !== 'word') continue;
    words++;
    letters += token.text.length;
    plain.push(token.alt ?? token.text);
    if (FRENCH.has(token.text) || (token.alt !== undefined && FRENCH.has(token.alt))) fr++;
    if (ENGLISH.has(token.text) || (token.alt !== undefined && ENGLISH.has(token.alt))) en++;
  }
  if (hints?.language === 'fr') fr += 0.5;
  if (hints?.language === 'en') en += 0.5;
  if (words === 0) return hints?.language ?? 'other';

  const best = Math.max(fr, en);
  const clear = best >= 2 && best >= 2 * Math.min(fr, en) + 1;
  if (clear && best / words >= 0.3) return fr > en ? 'fr' : 'en';
  // Too short for trigrams: one function word of one language only is enough.
  if (letters < 20 && Math.min(fr, en) === 0 && best > 0) return fr > en ? 'fr' : 'en';
  if (letters < 12) return fr !== en ? (fr > en ? 'fr' : 'en') : (hints?.language ?? 'other');
  return byTrigrams(plain.join(' '), fr, en, hints);
}

function byTrigrams(sample: string, fr: number, en: number, hints?: ClassifyHints): Language {
  const ranked = francAll(sample, { only: CANDIDATES, minLength: 3 });
  const top = ranked[0]?.[0];
  if (top === 'fra' || top === 'eng') return fromFranc(top, fr, en);
  const fra = ranked.find(([code]) => code === 'fra')?.[1] ?? 0;
  const eng = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  // Trigram models misfire on tweets; function words of one language overrule a close call.
  if (fr > en && fra >= (en === 0 ? 0.8 : 0.9)) return 'fr';
  if (en > fr && eng >= (fr === 0 ? 0.8 : 0.9)) return 'en';
  if (top === undefined || top === 'und') return fr !== en ? (fr > en ? 'fr' : 'en') : (hints?.language ?? 'other');
  return 'other';
}

function fromFranc(top: 'fra' | 'eng', fr: number, en: number): Language {
  if (top === 'fra' && en >= 2 * fr + 2) return 'en';
  if (top === 'eng' && fr >= 2 * en + 2) return 'fr';
  return top === 'fra' ? 'fr' : 'en';
}
