/**
 * Emoji as people see them: one per grapheme, so a flag, a skin-toned thumb or a family
 * counts once. Text-style symbols (©, ®, ™) are not emoji unless asked to be (U+FE0F).
 */
const emojiLike = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}/u;
const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

export interface EmojiOccurrence {
  emoji: string;
  span: [number, number];
}

/**
 * @example findEmoji('Merci 🙏🏽 !') // [{ emoji: '🙏🏽', span: [6, 10] }]
 */
export function findEmoji(text: string): EmojiOccurrence[] {
  const found: EmojiOccurrence[] = [];
  for (const { segment, index } of graphemes.segment(text)) {
    if (emojiLike.test(segment)) found.push({ emoji: segment, span: [index, index + segment.length] });
  }
  return found;
}

/** Removes emoji, for comparing two replies by their words. */
export function stripEmoji(text: string): string {
  return findEmoji(text).reduceRight((rest, { span }) => rest.slice(0, span[0]) + rest.slice(span[1]), text);
}
