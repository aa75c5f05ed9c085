import type { z } from 'zod';
import { AppError, type FieldErrors } from './errors.ts';
import type { Language } from './error-texts.ts';
import { fieldErrorMap, inLanguage } from './field-messages.ts';

const unknownField: Record<Language, string> = { fr: 'Champ inconnu.', en: 'unknown field' };
const englishMap = fieldErrorMap('en');
const frenchMap = fieldErrorMap('fr');

/**
 * Validates untrusted input at an edge. On failure throws `request.invalid` with the
 * offending fields, so a client can show each message beside its field, in English and,
 * for a French caller, in French (`AppError.frenchFields`).
 *
 * @example const body = parseInput(signInBody, request.body);
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = inLanguage('en', () => schema.safeParse(input, { error: englishMap }));
  if (result.success) return result.data;
  // zod words an issue when it is first read, so each language's fields are read inside its pass.
  const fields = inLanguage('en', () => fieldsOf(result.error.issues, 'en'));
  // Only a failure pays for the second pass, which words the same issues in French.
  const frenchFields = inLanguage('fr', () => {
    const french = schema.safeParse(input, { error: frenchMap });
    return french.success ? undefined : fieldsOf(french.error.issues, 'fr');
  });
  const summary = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
  throw new AppError('request.invalid', `Invalid request: ${summary}`, { fields, frenchFields });
}

function fieldsOf(issues: readonly z.core.$ZodIssue[], language: Language): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) (fields[[...issue.path, key].join('.')] ??= []).push(unknownField[language]);
      continue;
    }
    const path = issue.path.join('.') || '(body)';
    (fields[path] ??= []).push(issue.message);
  }
  return fields;
}
