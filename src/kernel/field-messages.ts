import type { z } from 'zod';
import type { Language } from './error-texts.ts';

/**
 * Plain sentences for what is wrong with one field, in French and English, written for a
 * shop's team rather than a developer ("Au moins 10 caractères.", not "Too small: expected
 * string to have >=10 characters"). A schema's own message (`z.string({ error: 'required' })`)
 * still wins: zod applies a per-parse map only where the schema gave none.
 */
type Issue = z.core.$ZodRawIssue;

// zod parses synchronously, so the language of the parse under way can be a plain variable:
// `parseInput` sets it around each pass and `say` reads it.
let wording: Language = 'en';

/** Runs a synchronous parse with `say(…)` messages worded in `language`. */
export function inLanguage<T>(language: Language, parse: () => T): T {
  const before = wording;
  wording = language;
  try {
    return parse();
  } finally {
    wording = before;
  }
}

/**
 * A schema's own message in both languages:
 * `z.string().regex(/^#[0-9a-f]{6}$/i, say('une couleur comme #1f6feb', 'a colour like #1f6feb'))`.
 */
export function say(fr: string, en: string): { error: () => string } {
  return { error: () => sayNow(fr, en) };
}

/** The same, for a message built inside a `superRefine`. */
export function sayNow(fr: string, en: string): string {
  return wording === 'fr' ? fr : en;
}

const typeNames: Record<Language, Record<string, string>> = {
  fr: { string: 'un texte', number: 'un nombre', int: 'un nombre entier', boolean: 'vrai ou faux', array: 'une liste', object: 'un objet', date: 'une date', bigint: 'un nombre entier' },
  en: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object', date: 'a date', bigint: 'a whole number' },
};

const formatNames: Record<Language, Record<string, string>> = {
  fr: { email: 'une adresse e-mail valide', url: 'une adresse web valide', uuid: 'un identifiant valide', datetime: 'une date et heure ISO 8601', date: 'une date AAAA-MM-JJ', regex: 'le format attendu' },
  en: { email: 'a valid email address', url: 'a valid web address', uuid: 'a valid identifier', datetime: 'an ISO 8601 date and time', date: 'a YYYY-MM-DD date', regex: 'the expected format' },
};

function count(language: Language, n: number | bigint, unit: { fr: [string, string]; en: [string, string] }): string {
  const [one, many] = unit[language];
  return `${String(n)} ${Number(n) > 1 ? many : one}`;
}

const units = {
  string: { fr: ['caractère', 'caractères'], en: ['character', 'characters'] },
  array: { fr: ['élément', 'éléments'], en: ['item', 'items'] },
  set: { fr: ['élément', 'éléments'], en: ['item', 'items'] },
  file: { fr: ['octet', 'octets'], en: ['byte', 'bytes'] },
} as const satisfies Record<string, { fr: [string, string]; en: [string, string] }>;

function sizeMessage(language: Language, issue: Issue & { origin?: string }, bound: number | bigint, atLeast: boolean): string {
  const unit = units[issue.origin as keyof typeof units];
  if (unit) {
    const amount = count(language, bound, unit);
    if (language === 'fr') return atLeast ? `Au moins ${amount}.` : `Au plus ${amount}.`;
    return atLeast ? `At least ${amount}.` : `At most ${amount}.`;
  }
  if (language === 'fr') return atLeast ? `Doit valoir au moins ${String(bound)}.` : `Doit valoir au plus ${String(bound)}.`;
  return atLeast ? `Must be at least ${String(bound)}.` : `Must be at most ${String(bound)}.`;
}

/** A zod error map speaking `language`; undefined leaves zod's own message. */
export function fieldErrorMap(language: Language): (issue: Issue) => string | undefined {
  const fr = language === 'fr';
  return (issue) => {
    switch (issue.code) {
      case 'invalid_type': {
        if (issue.input === undefined) return fr ? 'Champ obligatoire.' : 'Required.';
        const expected = typeNames[language][issue.expected] ?? issue.expected;
        return fr ? `Valeur attendue : ${expected}.` : `Expected ${expected}.`;
      }
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return fr ? 'Champ obligatoire.' : 'Required.';
        return sizeMessage(language, issue, issue.minimum, true);
      case 'too_big':
        return sizeMessage(language, issue, issue.maximum, false);
      case 'invalid_format': {
        const format = formatNames[language][issue.format] ?? formatNames[language].regex;
        return fr ? `Saisissez ${format}.` : `Enter ${format}.`;
      }
      case 'invalid_value': {
        const options = issue.values.map((value) => JSON.stringify(value)).join(fr ? ', ' : ', ');
        return fr ? `Valeur non reconnue (attendu : ${options}).` : `Unknown value (expected: ${options}).`;
      }
      case 'not_multiple_of':
        return fr ? `Doit être un multiple de ${String(issue.divisor)}.` : `Must be a multiple of ${String(issue.divisor)}.`;
      case 'invalid_union':
      case 'invalid_key':
      case 'invalid_element':
        return fr ? 'Valeur invalide.' : 'Invalid value.';
      default:
        return undefined;
    }
  };
}
