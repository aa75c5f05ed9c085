import twitterText from 'twitter-text';
import { X_MAX_POST_WEIGHT } from './constants.ts';

export interface XLength {
  /** X's weighted length: most Latin text 1 per character, CJK and emoji 2, any URL 23. */
  weighted: number;
  /** What is left of the 280 (negative when over). */
  remaining: number;
  /** Postable: not empty, not over, no invalid characters. */
  valid: boolean;
}

/**
 * The length of a post as X counts it (twitter-text `parseTweet`, config v3; PLATFORMS.md
 * §2.6), for the composer's "12 characters left" and the policy. Text is NFC-normalised first,
 * as X does, so a decomposed "é" counts 1.
 *
 * @example xLength('Merci ! https://maisonlune.fr/suivi/123') // { weighted: 31, remaining: 249, valid: true }
 */
export function xLength(text: string): XLength {
  const parsed = twitterText.parseTweet(text);
  return { weighted: parsed.weightedLength, remaining: X_MAX_POST_WEIGHT - parsed.weightedLength, valid: parsed.valid };
}
