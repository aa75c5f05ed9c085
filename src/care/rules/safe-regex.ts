/**
 * Rule authors type their own patterns and JavaScript regexes backtrack, so a careless
 * pattern could freeze the worker that runs rules on every inbound message. We cannot prove
 * a pattern safe without a linear engine; instead we reject, cheaply and before storage, the
 * shapes that blow up (nested or stacked quantifiers, quantified alternation,
 * backreferences), and we only ever test the first `REGEX_MAX_INPUT` characters.
 */

export const REGEX_MAX_PATTERN = 200;
/** With at most two unbounded quantifiers the worst case stays around 0.1 s at this length. */
export const REGEX_MAX_INPUT = 1000;
const MAX_UNBOUNDED = 2;
/** `{n,m}` with a larger upper bound backtracks like `+`. */
const LARGE_BOUND = 10;

/**
 * Why `pattern` is refused, or null when it is accepted. Also rejects what `new RegExp`
 * rejects under the `iu` flags rules run with.
 *
 * @example regexProblem('(a+)+$') // 'nested quantifiers can backtrack catastrophically'
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > REGEX_MAX_PATTERN) return `the pattern is longer than ${REGEX_MAX_PATTERN} characters`;
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return `invalid pattern: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed';
  // Reduce to structure: escapes and classes become one atom ('.' when they match almost
  // anything), group openers become '('.
  const shape = pattern
    .replace(/\\.|\[(?:\\.|[^\]\\])*\]/g, (atom) => (/^(?:\\[SWD]|\[\^)/.test(atom) ? '.' : 'a'))
    .replace(/\(\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/g, '(');
  let unbounded = 0;
  let wide = 0;
  const opens: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const char = shape[i];
    if (char === '(') opens.push(i);
    const quantifier = quantifierAt(shape, i + 1);
    if (char === ')') {
      const start = opens.pop() ?? 0;
      const body = shape.slice(start + 1, i);
      if (quantifier === 'unbounded' && /[*+?{]/.test(body)) return 'nested quantifiers can backtrack catastrophically';
      if (quantifier === 'unbounded' && body.includes('|')) return 'a repeated alternation can backtrack catastrophically';
    }
    if (quantifier === 'unbounded' && char !== undefined && !'*+?{'.includes(char)) {
      unbounded++;
      if (char === '.') wide++;
    }
  }
  if (unbounded > MAX_UNBOUNDED) return `more than ${MAX_UNBOUNDED} unbounded repetitions (*, +, {n,})`;
  if (wide > 1) return 'more than one repeated wildcard (.*, \\S+, [^…]+)';
  return null;
}

/** The quantifier starting at `index`, if any. */
function quantifierAt(shape: string, index: number): 'bounded' | 'unbounded' | null {
  const char = shape[index];
  if (char === '*' || char === '+') return 'unbounded';
  if (char === '?') return 'bounded';
  if (char !== '{') return null;
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(shape.slice(index));
  if (!braces) return null;
  if (braces[2] === undefined) return Number(braces[1]) > LARGE_BOUND ? 'unbounded' : 'bounded';
  return braces[3] === '' || Number(braces[3]) > LARGE_BOUND ? 'unbounded' : 'bounded';
}

/**
 * Tests an accepted pattern, case-insensitively, against the first `REGEX_MAX_INPUT`
 * characters of `text`. Callers fold accents on both sides; this only runs the match.
 */
export function safeRegexTest(pattern: string, text: string): boolean {
  if (regexProblem(pattern) !== null) return false;
  return new RegExp(pattern, 'iu').test(text.slice(0, REGEX_MAX_INPUT));
}
