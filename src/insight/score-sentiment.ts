/**
 * Lexicon-and-rules sentiment, in the manner of VADER: each sentiment word, phrase, emoji
 * and emoticon adds its valence, shaped by the words around it (negation, intensifiers,
 * "mais"/"but"), by how it is written (CAPITALS, elongations, "!!!") and by irony markers.
 * Every rule here was written by hand; no weight is fitted on any data set.
 */
import type { Language, Sentiment } from './classifier.ts';
import { EMOJI_VALENCE, EMOTICON_VALENCE, IRONY_EMOJIS } from './emoji-valence.ts';
import { lexiconFor } from './lexicon.ts';
import { spellings, type Token, type TokenizedText } from './tokenize.ts';
import { followedBy, intensifier, looksLikeName, lookup, matchPhrase, negatedAfter, nextWordHasValence } from './word-context.ts';

export interface SentimentScore {
  sentiment: Sentiment;
  /** -1 … 1. */
  score: number;
  confidence: number;
  /** Sentiment-bearing words, phrases and emojis found. */
  hits: number;
  /** What the rules saw, as inputs for the learned model (`sentiment-features.ts`). */
  evidence: Evidence;
}

export interface Evidence {
  /** Summed positive and (negative, as a negative number) valence after context rules. */
  positive: number;
  negative: number;
  grievance: boolean;
  /** An irony marker or praise next to a grave grievance. */
  ironic: boolean;
  shouting: boolean;
  contrasted: boolean;
  asking: boolean;
  bangs: number;
}

/** Up to this |score| a message is neutral: a lone mild word (valence ±1 → ±0.25) is not an opinion. */
export const NEUTRAL_BAND = 0.25;

const NEGATED = -0.6;
const GRIEVANCE = -3;
// Positive words are used loosely and often ("top", "super", "merci"), negative ones
// mean it (the Pollyanna effect); and for a care team a missed angry customer costs more
// than a missed happy one. Negative evidence therefore weighs half as much again.
const NEGATIVITY = 1.5;
const CAPS_BOOST = 1.4;
const ELONGATION_BOOST = 1.3;
// "Merci" closing a question is politeness, not satisfaction: "vous livrez en Belgique ? Merci".
const POLITE = new Set(['merci', 'mercii', 'thanks', 'thank', 'thx', 'ty', 'cordialement', 'bonjour', 'hello']);
const POLITE_IN_QUESTION = 0.25;
// Asking again is a grievance whatever the words: "3rd time I ask", "c'est la 3ème fois
// que je demande", "je vous ai relancé 4 fois". Both a count of times and a verb of asking
// or contacting must be there ("commandé 3 fois, toujours ravie" is praise).
const TIMES = /(?:^|[^\p{L}\p{N}])(?:[2-9]|1\d|deux|trois|quatre|cinq|second|third|fourth|fifth|2nd|3rd|[4-9]th|nth|(?:[2-9]|1\d)(?:e|eme|ieme))\s*(?:times?|fois)(?![\p{L}])/u;
const ASKING_AGAIN = /(?:^|[^\p{L}])(?:ask|asked|asking|contact|contacted|contacting|message[ds]?|messaging|e-?mail(?:ed)?|wrote|written|writing|call(?:ed|ing)?|chas(?:e|ed|ing)|tell|told|demande[rsz]?|redemande\w*|relance\w*|ecri[st]?|ecrire|contacte\w*|appel\w*|mail|mails|dit)(?![\p{L}])/u;
const REPEATED_CONTACT = -3;

const IRONY_TAGS = new Set(['ironie', 'sarcasme', 'not', 'sarcasm', 'irony', 'jpp']);
// Words that sit between a negator and what it negates without using up its reach:
// "pas du tout satisfait", "not at all happy", "n'est vraiment pas top".
const TRANSPARENT = new Set(['du', 'tout', 'at', 'all', 'a', 'the', 'that', 'est', 'suis', 'etait', 'be', 'been', 'is', 'was', 'very', 'tres', 'vraiment', 'trop', 'so', 'really']);

class Tally {
  positive = 0;
  negative = 0;
  hits = 0;
  /** A grave set phrase ("toujours pas reçu", "still waiting") was found. */
  grievance = false;
  add(valence: number): void {
    if (valence === 0) return;
    this.hits++;
    if (valence > 0) this.positive += valence;
    else this.negative += valence;
  }
  get total(): number {
    return this.positive + this.negative;
  }
}

/**
 * Scores a tokenized message read in `language`.
 *
 * @example scoreSentiment(tokenize('je ne suis pas satisfait'), 'fr').sentiment === 'negative'
 */
export function scoreSentiment(text: TokenizedText, language: Language): SentimentScore {
  const lexicon = lexiconFor(language);
  const { tokens } = text;
  const shouting = text.words >= 3 && text.capsWords / text.words >= 0.7;
  const before = new Tally();
  let after = new Tally();
  let contrasted = false;
  let negation = 0;
  let boost = 1;
  let bangs = 0;
  let irony = false;
  const asking = tokens.some((t) => t.kind === 'question');

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const kind = token.kind;
    if (kind === 'stop' || kind === 'comma' || kind === 'ellipsis' || kind === 'question' || kind === 'bang') {
      if (kind === 'bang') bangs += token.text.length;
      negation = 0;
      boost = 1;
      continue;
    }
    if (kind === 'emoji' || kind === 'emoticon') {
      if (IRONY_EMOJIS.has(token.text)) irony = true;
      after.add((kind === 'emoji' ? EMOJI_VALENCE : EMOTICON_VALENCE).get(token.text) ?? 0);
      continue;
    }
    if (kind !== 'word' && kind !== 'hashtag') continue;
    if (kind === 'hashtag' && IRONY_TAGS.has(token.text)) {
      irony = true;
      continue;
    }
    const phrase = matchPhrase(tokens, i, lexicon);
    if (phrase) {
      const polite = asking && POLITE.has(token.text) ? POLITE_IN_QUESTION : 1;
      after.add(phrase.valence * boost * polite * (shouting ? 1 : capsFactor(tokens, i, phrase.words.length)));
      if (phrase.valence <= GRIEVANCE) after.grievance = true;
      i += phrase.words.length - 1;
      negation = 0;
      boost = 1;
      continue;
    }
    const forms = spellings(token);
    if (forms.some((f) => lexicon.negators.has(f))) {
      negation = 3;
      continue;
    }
    if (forms.some((f) => lexicon.contrasts.has(f)) || (token.text === 'contre' && tokens[i - 1]?.text === 'par')) {
      // What follows the last "mais"/"but" is the writer's real point (VADER's rule).
      mergeInto(before, after, 1);
      after = new Tally();
      contrasted = true;
      negation = 0;
      continue;
    }
    const factor = intensifier(forms, lexicon);
    if (factor !== undefined && nextWordHasValence(tokens, i, lexicon)) {
      boost *= factor;
      continue;
    }
    let valence = looksLikeName(tokens, i) ? undefined : lookup(forms, lexicon);
    // A stray intensifier keeps only a praising sense ("c'est super"); "j'adore trop" is
    // not made negative by "trop" (too much).
    if (factor !== undefined && valence !== undefined && valence < 0) valence = undefined;
    if (valence === undefined) {
      if (negation > 0 && !TRANSPARENT.has(token.text)) negation--;
      continue;
    }
    valence *= boost * (asking && POLITE.has(token.text) ? POLITE_IN_QUESTION : 1);
    if (token.elongated) valence *= ELONGATION_BOOST;
    if (token.caps && !shouting) valence *= CAPS_BOOST;
    if (negation > 0) valence *= NEGATED * (followedBy(tokens, i, ['du', 'tout']) || followedBy(tokens, i, ['at', 'all']) ? 1.5 : 1);
    else if (negatedAfter(tokens, i, lexicon)) valence *= NEGATED;
    after.add(valence);
    negation = 0;
    boost = 1;
  }

  if (TIMES.test(text.folded) && ASKING_AGAIN.test(text.folded)) {
    after.add(REPEATED_CONTACT);
    after.grievance = true;
  }
  const tally = new Tally();
  mergeInto(tally, before, 0.5);
  mergeInto(tally, after, contrasted ? 1.5 : 1);
  return finish(tally, { bangs, shouting, irony, contrasted, asking, words: text.words, language });
}

function finish(tally: Tally, style: { bangs: number; shouting: boolean; irony: boolean; contrasted: boolean; asking: boolean; words: number; language: Language }): SentimentScore {
  let positive = tally.positive;
  // Praise next to a grave grievance in a short message, with no "mais" to mark a real
  // change of mind, is read as sarcasm: "Bravo, toujours pas reçu", "Great, still waiting".
  const sarcastic = tally.grievance && !style.contrasted && style.words <= 20;
  if (positive > 0 && (style.irony || sarcastic)) positive *= -0.5;
  let total = positive + tally.negative * NEGATIVITY;
  if (style.shouting) total *= 1.3;
  if (total !== 0) total += Math.sign(total) * Math.min(style.bangs, 4) * 0.3;
  const score = total / Math.sqrt(total * total + 15);
  const magnitude = Math.abs(score);
  const sentiment: Sentiment = magnitude <= NEUTRAL_BAND ? 'neutral' : score > 0 ? 'positive' : 'negative';
  let confidence = sentiment === 'neutral'
    ? (tally.hits === 0 ? 0.6 : 0.5 + 0.3 * (1 - magnitude / NEUTRAL_BAND))
    : 0.5 + 0.45 * Math.min(1, (magnitude - NEUTRAL_BAND) / (0.8 - NEUTRAL_BAND));
  if (style.language === 'other') confidence *= 0.8;
  const evidence: Evidence = {
    positive: tally.positive,
    negative: tally.negative,
    grievance: tally.grievance,
    ironic: positive < 0,
    shouting: style.shouting,
    contrasted: style.contrasted,
    asking: style.asking,
    bangs: style.bangs,
  };
  return { sentiment, score: round(score), confidence: round(confidence), hits: tally.hits, evidence };
}

function mergeInto(into: Tally, from: Tally, weight: number): void {
  into.positive += from.positive * weight;
  into.negative += from.negative * weight;
  into.hits += from.hits;
  into.grievance ||= from.grievance;
}

function capsFactor(tokens: Token[], at: number, length: number): number {
  for (let k = at; k < at + length; k++) if (tokens[k]?.caps) return CAPS_BOOST;
  return 1;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
