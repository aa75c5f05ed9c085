/** Which language the console speaks before anyone has said, and where a choice is kept. */
export type Locale = 'fr' | 'en';

export const locales: readonly Locale[] = ['fr', 'en'];

const storageKey = 'relais.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/**
 * An explicit earlier choice wins; otherwise follow the browser, with French as the default
 * because the shops Relais serves are French.
 */
export function initialLocale(): Locale {
  const saved = readSaved();
  if (saved) return saved;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function saveLocaleChoice(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Storage may be disabled (private mode, policy); the choice then lasts for this page only.
  }
}

function readSaved(): Locale | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
