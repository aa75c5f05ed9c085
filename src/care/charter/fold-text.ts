/**
 * Case- and accent-folding that remembers where each folded character came from, so a match
 * found in folded text can be reported (and masked) on the original text.
 */
export interface FoldedText {
  /** Lower-cased, accents stripped, ligatures and typographic apostrophes flattened. */
  text: string;
  /** For each folded UTF-16 unit, the original [start, end) it came from. */
  starts: number[];
  ends: number[];
}

const ligatures: Record<string, string> = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss', '’': "'", 'ʼ': "'" };

/**
 * @example foldText('Élodie’s').text // "elodie's"
 */
export function foldText(original: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const ch of original) {
    const lower = ch.toLowerCase();
    const folded = ligatures[lower] ?? lower.normalize('NFD').replace(/\p{M}/gu, '');
    for (let i = 0; i < folded.length; i++) {
      starts.push(at);
      ends.push(at + ch.length);
    }
    text += folded;
    at += ch.length;
  }
  return { text, starts, ends };
}

/** Maps a [start, end) range of folded text back to the original string. */
export function originalSpan(folded: FoldedText, start: number, end: number): [number, number] {
  const from = folded.starts[start] ?? 0;
  const to = end > start ? (folded.ends[end - 1] ?? from) : from;
  return [from, to];
}

/** Folds without positions, for comparisons. */
export function fold(text: string): string {
  return foldText(text).text;
}
