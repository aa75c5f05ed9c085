/**
 * charter: the moderation charter. Versioned clauses (keywords, guarded regexes, built-in
 * detectors for personal data and links) mapped to 'hide' or 'flag', evaluated as pure
 * functions over one message's text. The register of hides and unhides lives with storage.
 */
export {
  charterSchema,
  clauseSchema,
  defaultCharter,
  MAX_PATTERN_LENGTH,
  MAX_PATTERNS_PER_CLAUSE,
  type Charter,
  type CharterAction,
  type Clause,
  type ClauseDetection,
} from './charter.ts';
export { evaluateCharter, MAX_CHECKED_LENGTH, type CharterMatch, type CharterVerdict } from './evaluate-charter.ts';
export { detectCardNumbers, detectIbans, isLuhnValid, isValidIban } from './detect-bank.ts';
export { detectEmails, detectLinks, detectShortenedLinks, urlShorteners } from './detect-links.ts';
export { detectPhones } from './detect-phone.ts';
export { detectorNames, type DetectorHit, type DetectorName } from './detector-hit.ts';
export { fold, foldText, originalSpan, type FoldedText } from './fold-text.ts';
export { maskEvidence } from './mask-evidence.ts';
export { protectiveReplyTemplate, type PersonalDataKind, type ReplyLocale } from './protective-reply.ts';
