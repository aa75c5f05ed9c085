import type { MessageKey } from '../i18n/index.ts';

// The same rules as the server (docs/api.md), checked first so messages come in the UI's language.

export function required(value: string): MessageKey | undefined {
  return value.trim() === '' ? 'validation.required' : undefined;
}

export function email(value: string): MessageKey | undefined {
  if (value.trim() === '') return 'validation.required';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? undefined : 'validation.email';
}

export function password(value: string): MessageKey | undefined {
  if (value === '') return 'validation.required';
  return value.length < 10 || value.length > 256 ? 'validation.passwordLength' : undefined;
}

/** Platform ids are digit strings, often past 2^53: checked as text, never parsed. Empty passes (pair with `required`). */
export function digitsOnly(value: string): MessageKey | undefined {
  return value.trim() === '' || /^\d+$/.test(value.trim()) ? undefined : 'settings.digitsOnly';
}
