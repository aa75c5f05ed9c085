/**
 * The inputs of the learned sentiment model: hashed sparse features of the words (marked
 * when a negation reaches them, so "pas top" and "top" differ), word pairs, character
 * trigrams (French inflections and typos: "livré", "livrée", "livraiison") and emojis,
 * plus a few dense features that carry what the hand-written rules found (lexicon valence
 * after negation, intensifiers and irony; questions; shouting). The rules know the
 * vocabulary; the learned weights decide how much to trust them and what else matters.
 * English messages also get VADER's lexicon (7,500 entries rated by people, slang and
 * emoticons included; MIT upstream, in the Apache-2.0 `vader-sentiment` package), a second
 * opinion beside AFINN's, and their share of capitalized words, which tells news and
 * announcements ("Obama speaks at the UN on Monday") from opinions. (In French tweets the
 * names are as often those of politicians being judged: there it moved answers to neutral
 * and made the reports' shares worse, ADR 0018.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Language } from './classifier.ts';
import { lexiconFor } from './lexicon.ts';
import type { SentimentScore } from './score-sentiment.ts';
import type { TokenizedText } from './tokenize.ts';

export const SENTIMENT_HASH_BITS = 18;
const HASH_SIZE = 1 << SENTIMENT_HASH_BITS;
const MASK = HASH_SIZE - 1;

/** Names of the dense features, in the order of their weights in the model file. */
export const DENSE_FEATURES = [
  'bias', 'rules.score', 'rules.negative', 'rules.positive', 'rules.no_evidence', 'valence.positive', 'valence.negative',
  'grievance', 'ironic', 'shouting', 'contrasted', 'question', 'question.no_evidence', 'exclamation', 'link', 'mention_only',
  'language.fr', 'language.en', 'language.other', 'short', 'vader.positive', 'vader.negative', 'titled',
] as const;

/** Index of dense feature k in the model's weight rows. */
export const denseIndex = (k: number): number => HASH_SIZE + k;
export const FEATURE_COUNT = HASH_SIZE + DENSE_FEATURES.length;

/** Parallel arrays: feature index → value. Sparse values are L2-normalized. */
export interface SentimentFeatures {
  index: number[];
  value: number[];
}

const negators = lexiconFor('other').negators;

/** How much a negated word keeps of its valence, turned over (VADER's own factor). */
const NEGATED = -0.74;

let vader: Map<string, number> | undefined;

/** VADER's lexicon (word → mean rating, -4 … 4), read once from the file `vader-sentiment` ships. */
function vaderLexicon(): Map<string, number> {
  if (vader) return vader;
  vader = new Map();
  const text = readFileSync(createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt'), 'utf8');
  for (const line of text.split('\n')) {
    const [word, mean] = line.split('\t');
    if (word && mean && !word.includes(' ')) vader.set(word, Number(mean));
  }
  return vader;
}

/** FNV-1a, 32 bits: stable across processes and versions (the weights are stored). */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

const Kind = { Word: 11, Pair: 12, Chars: 13, Symbol: 14 } as const;

/**
 * The character trigrams of " word " (padded with spaces), hashed in place: the same
 * buckets as `hash(gram, Kind.Chars)` without building a string per gram (the hot loop).
 */
function addTrigrams(sparse: Map<number, number>, word: string): void {
  const last = word.length;
  for (let i = -1; i + 2 <= last; i++) {
    let h = (0x811c9dc5 ^ Kind.Chars) >>> 0;
    h = Math.imul(h ^ (i < 0 ? 32 : word.charCodeAt(i)), 0x01000193);
    h = Math.imul(h ^ word.charCodeAt(i + 1), 0x01000193);
    h = Math.imul(h ^ (i + 2 >= last ? 32 : word.charCodeAt(i + 2)), 0x01000193);
    const bucket = (h >>> 0) & MASK;
    sparse.set(bucket, (sparse.get(bucket) ?? 0) + 0.5);
  }
}
function add(sparse: Map<number, number>, kind: number, key: string, weight: number): void {
  const bucket = hash(key, kind);
  sparse.set(bucket, (sparse.get(bucket) ?? 0) + weight);
}

const squash = (x: number, half: number): number => x / (Math.abs(x) + half);

/**
 * Features of a tokenized message, given the rules' reading of it.
 *
 * @example sentimentFeatures(tokenize('pas top'), scoreSentiment(tokenize('pas top'), 'fr'), 'fr').index.length > 0
 */
export function sentimentFeatures(text: TokenizedText, rules: SentimentScore, language: Language): SentimentFeatures {
  const sparse = new Map<number, number>();
  let previous = '<s>';
  let negated = 0;
  let links = 0;
  let mentions = 0;
  let words = 0;
  let titled = 0;
  let valencePositive = 0;
  let valenceNegative = 0;
  const valences = language === 'en' ? vaderLexicon() : undefined;
  const tokens = text.tokens.length > 400 ? text.tokens.slice(0, 400) : text.tokens;
  for (const token of tokens) {
    const kind = token.kind;
    if (kind === 'word' || kind === 'hashtag') {
      words++;
      const word = token.alt ?? token.text;
      if (negators.has(word)) negated = 3;
      else if (negated > 0) negated--;
      add(sparse, Kind.Word, negated > 0 && !negators.has(word) ? `!${word}` : word, 1);
      add(sparse, Kind.Pair, `${previous} ${word}`, 1);
      previous = word;
      if (token.title) titled++;
      const valence = valences?.get(word) ?? (token.alt === undefined ? undefined : valences?.get(token.text));
      if (valence !== undefined) {
        const signed = negated > 0 && !negators.has(word) ? NEGATED * valence : valence;
        if (signed > 0) valencePositive += signed;
        else valenceNegative -= signed;
      }
      if (word.length > 2) addTrigrams(sparse, word);
      if (token.caps) add(sparse, Kind.Symbol, 'CAPS', 0.5);
      if (token.elongated) add(sparse, Kind.Symbol, 'LONG', 0.5);
    } else if (kind === 'emoji' || kind === 'emoticon') {
      add(sparse, Kind.Symbol, token.text, 1);
      previous = '<e>';
    } else if (kind === 'bang' || kind === 'question' || kind === 'stop' || kind === 'comma' || kind === 'ellipsis') {
      if (kind !== 'stop' && kind !== 'comma') add(sparse, Kind.Symbol, kind, 1);
      negated = 0;
      previous = '<p>';
    } else {
      if (kind === 'url') links++;
      if (kind === 'mention') mentions++;
      add(sparse, Kind.Symbol, kind, 0.5);
    }
  }
  let norm = 0;
  for (const value of sparse.values()) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const index: number[] = [];
  const value: number[] = [];
  for (const [bucket, v] of sparse) {
    index.push(bucket);
    value.push(v * scale);
  }
  const e = rules.evidence;
  const none = rules.hits === 0;
  const dense = [
    1, rules.score, rules.sentiment === 'negative' ? 1 : 0, rules.sentiment === 'positive' ? 1 : 0, none ? 1 : 0,
    squash(e.positive, 3), squash(e.negative, 3), e.grievance ? 1 : 0, e.ironic ? 1 : 0, e.shouting ? 1 : 0, e.contrasted ? 1 : 0,
    e.asking ? 1 : 0, e.asking && none ? 1 : 0, e.bangs > 0 ? 1 : 0, links > 0 ? 1 : 0, words === 0 && mentions > 0 ? 1 : 0,
    language === 'fr' ? 1 : 0, language === 'en' ? 1 : 0, language === 'other' ? 1 : 0, words <= 3 ? 1 : 0,
    squash(valencePositive, 3), squash(valenceNegative, 3), language === 'en' && words > 0 ? titled / words : 0,
  ];
  for (let k = 0; k < dense.length; k++) {
    if (dense[k] === 0) continue;
    index.push(denseIndex(k));
    value.push(dense[k]!);
  }
  return { index, value };
}
