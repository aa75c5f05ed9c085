// i18n: the console's two languages, the choice of one, and Intl-based formatting.
export { I18nProvider, useI18n, type I18n, type Translate } from './I18nProvider.tsx';
export { isLocale, locales, type Locale } from './locale.ts';
export type { MessageKey } from './fr.ts';
