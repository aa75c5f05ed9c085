/**
 * Runs a charter over one message. Pure and bounded: the text is capped and each clause's
 * regexes are compiled once and reused, so a hostile comment cannot stall the ingest worker.
 */
import type { Charter, CharterAction, Clause } from './charter.ts';
import { detectCardNumbers, detectIbans } from './detect-bank.ts';
import { detectEmails, detectLinks, detectShortenedLinks } from './detect-links.ts';
import { detectPhones } from './detect-phone.ts';
import type { DetectorHit, DetectorName } from './detector-hit.ts';
import { foldText, originalSpan, type FoldedText } from './fold-text.ts';
import { keywordPattern } from './keyword-pattern.ts';
import { maskEvidence } from './mask-evidence.ts';

export interface CharterMatch {
  clauseId: string;
  clauseTitle: string;
  version: number;
  action: CharterAction;
  /** The matched text, masked when it is personal data. */
  evidence: string;
  detector?: DetectorName;
}

export interface CharterVerdict {
  matches: CharterMatch[];
  /** 'hide' if any matching clause hides, else 'flag' if any flags, else null. */
  action: CharterAction | null;
}

/** Comments longer than this are only checked on their beginning. */
export const MAX_CHECKED_LENGTH = 10_000;
const MAX_MATCHES_PER_CLAUSE = 10;

const detectors: Record<DetectorName, (text: string) => DetectorHit[]> = {
  phone: detectPhones,
  email: detectEmails,
  iban: detectIbans,
  card_number: detectCardNumbers,
  link: detectLinks,
  shortened_link: detectShortenedLinks,
};

function compile(source: string): RegExp | null {
  try {
    return new RegExp(source, 'giu');
  } catch {
    return null; // An unvalidated charter must not crash moderation.
  }
}

// Each keyword's and pattern's RegExp is built once and reused: building them anew for every
// comment was 40 % of a comment's check. They are global (stateful), so `matchesOf` rewinds
// one before each use; nothing else touches them.
const compiled = new Map<string, RegExp | null>();
function cached(key: string, build: () => RegExp | null): RegExp | null {
  let re = compiled.get(key);
  if (re === undefined) {
    re = build();
    if (compiled.size >= 5000) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

/** The non-empty matches of a global regex, as `matchAll` gives them, without cloning it. */
function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length > 0) yield m;
    else re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
  }
}

interface Found {
  start: number;
  end: number;
  match: CharterMatch;
}

/** One match per stretch of text: "fuck you" must not also count as "fuck". Longest wins. */
function withoutOverlaps(found: Found[]): CharterMatch[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (!last || f.start >= last.end) kept.push(f);
  }
  return kept.map((f) => f.match);
}

function clauseMatches(clause: Clause, version: number, original: string, folded: FoldedText): CharterMatch[] {
  const base = { clauseId: clause.id, clauseTitle: clause.title, version, action: clause.action };
  const found: Found[] = [];
  const regexes = [
    ...(clause.detection.keywords ?? []).map((keyword) => cached(`k:${keyword}`, () => keywordPattern(keyword))),
    ...(clause.detection.patterns ?? []).map((pattern) => cached(`p:${pattern}`, () => compile(pattern))),
  ];
  for (const re of regexes) {
    if (!re) continue;
    for (const m of matchesOf(re, folded.text)) {
      const [start, end] = originalSpan(folded, m.index, m.index + m[0].length);
      found.push({ start, end, match: { ...base, evidence: maskEvidence(original.slice(start, end)) } });
    }
  }
  for (const name of clause.detection.detectors ?? []) {
    for (const hit of detectors[name](original)) {
      found.push({ ...hit, match: { ...base, evidence: maskEvidence(hit.value, name), detector: name } });
    }
  }
  return withoutOverlaps(found).slice(0, MAX_MATCHES_PER_CLAUSE);
}

/**
 * @example
 * evaluateCharter(defaultCharter, 'Mon numéro : 06 12 34 56 78')
 * // { action: 'hide', matches: [{ clauseId: 'donnees-personnelles', evidence: '06 •• •• •• 78', detector: 'phone', … }] }
 */
export function evaluateCharter(charter: Charter, text: string): CharterVerdict {
  const original = text.slice(0, MAX_CHECKED_LENGTH);
  const folded = foldText(original);
  const matches = charter.clauses.flatMap((clause) => clauseMatches(clause, charter.version, original, folded));
  const action = matches.some((m) => m.action === 'hide') ? 'hide' : matches.length > 0 ? 'flag' : null;
  return { matches, action };
}
