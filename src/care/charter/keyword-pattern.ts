/**
 * Keywords become regexes over folded text that tolerate the obfuscation people actually use
 * on social comments: stretched letters ("connnard"), punctuation between letters ("c.o.n"),
 * and a few digit/symbol look-alikes ("c0nnard"). Whitespace between letters is NOT tolerated:
 * "c o n" would also match innocent sequences of short words, and a charter must not hide
 * customers for bad luck.
 */
import { fold } from './fold-text.ts';

const lookAlikes: Record<string, string> = {
  a: 'a4@', e: 'e3€', i: 'i1!|', o: 'o0', s: 's5$', l: 'l1|', t: 't7',
};

const joiner = '[.\\-_*·•~+]';
const separator = `(?:${joiner}|')?`;

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

// Below this length a doubled letter must stay doubled: "conne" must not become "cone" (and
// so the accent-folded "cône"). Longer words rarely collide, so "conard" still hits "connard".
const LOOSE_DOUBLES_FROM = 6;

function letterPattern(letter: string, doubled: boolean): string {
  const variants = lookAlikes[letter];
  const one = variants ? `[${escapeClass(variants)}]` : letter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Each repeat may carry its own separator ("c.o.n.n.n.a.r.d"); one letter per step keeps it linear.
  return doubled ? `${one}(?:${separator}${one})+` : `${one}(?:${separator}${one})*`;
}

/** Runs of one letter as [letter, doubled], e.g. "conne" → c, o, n (doubled), e. */
function letterRuns(word: string): [string, boolean][] {
  const runs: [string, boolean][] = [];
  for (const c of word) {
    const last = runs[runs.length - 1];
    if (last && last[0] === c) last[1] = word.length < LOOSE_DOUBLES_FROM;
    else runs.push([c, false]);
  }
  return runs;
}

/**
 * @example keywordPattern('connard').test('t es un c.o.n.n.n.a.r.d') // true
 */
export function keywordPattern(keyword: string): RegExp | null {
  // Built per comment from the charter's keywords: the source is kept, a fresh RegExp (it is
  // global, so stateful) is made from it each time.
  let source = sources.get(keyword);
  if (source === undefined) {
    source = patternSource(keyword);
    if (sources.size >= 5000) sources.clear();
    sources.set(keyword, source);
  }
  return source === null ? null : new RegExp(source, 'gu');
}

const sources = new Map<string, string | null>();

function patternSource(keyword: string): string | null {
  const words = fold(keyword).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const body = words.map((word) => {
    return letterRuns(word).map(([letter, doubled]) => letterPattern(letter, doubled)).join(separator);
  }).join('\\s+');
  // Optional plural "s". A boundary is "no letter or digit", also across one separator, so
  // "con" fires neither inside "contact" nor at the start of "c.o.n.n.a.r.d". The apostrophe
  // stays out of the boundary: "l'abruti" must still match "abruti".
  return `(?<![\\p{L}\\p{N}]${joiner}?)${body}s?(?!${joiner}?[\\p{L}\\p{N}])`;
}
