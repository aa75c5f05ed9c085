import type { z } from 'zod';
import { AppError, type FieldErrors } from './errors.ts';

/**
 * Validates untrusted input at an edge. On failure throws `request.invalid` with the
 * offending fields, so a client can show each message beside its field.
 *
 * @example const body = parseInput(signInBody, request.body);
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) (fields[[...issue.path, key].join('.')] ??= []).push('unknown field');
      continue;
    }
    const path = issue.path.join('.') || '(body)';
    (fields[path] ??= []).push(issue.message);
  }
  const summary = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
  throw new AppError('request.invalid', `Invalid request: ${summary}`, { fields });
}
