import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';
import { formatDate, formatRelative, interpolate } from './format.ts';
import { initialLocale, saveLocaleChoice, type Locale } from './locale.ts';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  /** Switches the UI language and remembers it in this browser. */
  setLocale: (locale: Locale) => void;
  t: Translate;
  relative: (at: number) => string;
  date: (at: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    saveLocaleChoice(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => interpolate(dictionary[key], vars),
      relative: (at) => formatRelative(locale, at),
      date: (at) => formatDate(locale, at),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
