/**
 * Turns a message into a sparse vector of hashed features for the workspace model: words
 * (marked when negated, so "pas top" and "top" differ), word pairs, character n-grams
 * (robust to typos and French inflections: "livré", "livrée", "livraison") and emojis.
 * Hashing keeps the model a fixed size whatever the vocabulary a shop's customers use.
 */
import { lexiconFor } from './lexicon.ts';
import { tokenize } from './tokenize.ts';

export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;
const negators = lexiconFor('other').negators;

/** Bucket → value; values are L2-normalized so long and short messages weigh alike. */
export type FeatureVector = Map<number, number>;

/** FNV-1a, 32 bits: fast, stable across processes and versions (the model is stored). */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

// Seeds that keep a word, a word pair and a character n-gram with the same text apart.
const Kind = { Word: 1, Pair: 2, Chars: 3, Symbol: 4 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/**
 * Hashed features of a message.
 *
 * @example hashedFeatures('pas top').size > 0
 */
export function hashedFeatures(text: string): FeatureVector {
  const vector: FeatureVector = new Map();
  const add = (kind: Kind, key: string, weight: number): void => {
    const bucket = hash(key, kind);
    vector.set(bucket, (vector.get(bucket) ?? 0) + weight);
  };
  let previous = '<s>';
  let negated = 0;
  for (const token of tokenize(text.slice(0, 5000)).tokens) {
    if (token.kind === 'word' || token.kind === 'hashtag') {
      const word = token.alt ?? token.text;
      if (negators.has(word)) negated = 3;
      else if (negated > 0) negated--;
      const unit = negated > 0 && !negators.has(word) ? `!${word}` : word;
      add(Kind.Word, unit, 1);
      add(Kind.Pair, `${previous} ${word}`, 1);
      previous = word;
      if (word.length > 2) addCharGrams(` ${word} `, (gram) => add(Kind.Chars, gram, 0.5));
      if (token.caps) add(Kind.Symbol, 'CAPS', 0.5);
    } else if (token.kind === 'emoji' || token.kind === 'emoticon' || token.kind === 'bang' || token.kind === 'question') {
      add(Kind.Symbol, token.kind === 'bang' || token.kind === 'question' ? token.kind : token.text, 1);
      negated = 0;
      previous = '<p>';
    } else if (token.kind === 'stop' || token.kind === 'comma' || token.kind === 'ellipsis') {
      negated = 0;
      previous = '<p>';
    } else {
      add(Kind.Symbol, token.kind, 0.5);
    }
  }
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [bucket, value] of vector) vector.set(bucket, value * scale);
  return vector;
}

function addCharGrams(padded: string, emit: (gram: string) => void): void {
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= padded.length; i++) emit(padded.slice(i, i + n));
  }
}
