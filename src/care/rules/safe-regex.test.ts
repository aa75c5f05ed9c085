import { describe, expect, it } from 'vitest';
import { REGEX_MAX_INPUT, REGEX_MAX_PATTERN, regexProblem, safeRegexTest } from './safe-regex.ts';

describe('regexProblem', () => {
  it.each([
    'commande\\s*n?°?\\s?\\d{5,}',
    'https?://\\S+',
    '\\b0[67](?:[ .]?\\d{2}){4}\\b',
    '(arnaque|escroc)',
    '\\(a+\\)+',
  ])('accepts a usual care pattern: %s', (pattern) => {
    expect(regexProblem(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+$', 'nested'],
    ['(?:\\w*\\s?)*x', 'nested'],
    ['((a+))+', 'nested'],
    ['(a|aa)*b', 'alternation'],
    ['(a)\\1', 'backreference'],
    ['(?<x>a)\\k<x>', 'backreference'],
    ['\\w+\\w+\\w+x', 'unbounded'],
    ['a*a*a*a*x', 'unbounded'],
    ['.*.*x', 'wildcard'],
    ['[^ ]+\\S+', 'wildcard'],
    ['(a{1,50})+', 'nested'],
  ])('rejects a catastrophic shape: %s', (pattern, reason) => {
    expect(regexProblem(pattern)).toMatch(new RegExp(reason));
  });

  it('rejects empty, overlong and invalid patterns', () => {
    expect(regexProblem('')).toMatch(/empty/);
    expect(regexProblem('a'.repeat(REGEX_MAX_PATTERN + 1))).toMatch(/longer/);
    expect(regexProblem('a'.repeat(REGEX_MAX_PATTERN))).toBeNull();
    expect(regexProblem('(unclosed')).toMatch(/invalid/);
    expect(regexProblem('a{')).toMatch(/invalid/); // only invalid under the u flag rules run with
  });
});

describe('safeRegexTest', () => {
  it('matches case-insensitively', () => {
    expect(safeRegexTest('arnaque', 'C’est une ARNAQUE')).toBe(true);
    expect(safeRegexTest('^arnaque$', 'C’est une arnaque')).toBe(false);
  });

  it('only looks at the first REGEX_MAX_INPUT characters', () => {
    const text = `${'a'.repeat(REGEX_MAX_INPUT)}needle`;
    expect(safeRegexTest('needle', text)).toBe(false);
    expect(safeRegexTest('needle', text.slice(6))).toBe(true);
  });

  it('never runs a refused pattern', () => {
    expect(safeRegexTest('(a+)+$', `${'a'.repeat(40)}!`)).toBe(false);
  });

  it('looks at no more than the input cap, so a long message costs what a capped one does', () => {
    expect(safeRegexTest('x', `${'a'.repeat(REGEX_MAX_INPUT)}x`)).toBe(false);
    expect(safeRegexTest('x', `${'a'.repeat(REGEX_MAX_INPUT - 1)}x`)).toBe(true);
  });

  it('stays fast on the worst accepted shape at the input cap', () => {
    // Quadratic at worst over the capped input: tens of milliseconds on a quiet core. The
    // bound is loose because test workers share the CPU; a pattern that escaped the checks
    // (exponential) would take minutes, not seconds.
    const started = performance.now();
    safeRegexTest('\\w+.*x', 'a'.repeat(REGEX_MAX_INPUT * 5));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
