/**
 * The word being typed at the caret when it starts with a trigger: `/` for canned replies,
 * `@` for mentions. The trigger must begin a word (start of text or after a space), so a
 * URL such as `https://x.fr/a` or an address such as `lea@boutique.fr` does not open a popover.
 */
export interface Token {
  start: number;
  end: number;
  query: string;
}

export function tokenAt(text: string, caret: number, trigger: '/' | '@', allowSpaces = false): Token | undefined {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf(trigger);
  if (at < 0) return undefined;
  if (at > 0 && !/\s/.test(before[at - 1] ?? '')) return undefined;
  const query = before.slice(at + 1);
  if (/\n/.test(query) || (!allowSpaces && /\s/.test(query)) || query.length > 40) return undefined;
  return { start: at, end: caret, query };
}

/** Replaces `[start, end)` and says where the caret goes next. */
export function replaceRange(text: string, start: number, end: number, insertion: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insertion + text.slice(end), caret: start + insertion.length };
}

/** Lower case without accents, so "eTe" finds "été". */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
