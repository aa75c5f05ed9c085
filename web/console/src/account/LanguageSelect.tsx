import { useId } from 'react';
import { updateMe } from '../api/relais.ts';
import { useSession } from '../auth/SessionProvider.tsx';
import { isLocale, locales, useI18n, type Locale } from '../i18n/index.ts';

/**
 * Switches the UI language at once. Signed in, the choice is also saved on the account so it
 * follows the person to other browsers; if that save fails, the local choice still stands.
 */
export function LanguageSelect({ wide = false }: { wide?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const session = useSession();
  const id = useId();
  const signedIn = session.state.status === 'ready' && session.state.me?.user;

  const change = async (next: Locale) => {
    setLocale(next);
    if (!signedIn) return;
    try {
      session.update(await updateMe({ locale: next }));
    } catch {
      // Kept in this browser; the next successful change or sign-in reconciles it.
    }
  };

  return (
    <div className={wide ? 'field' : 'language-select'}>
      {/* Visually the surrounding header or section heading names it; the label is for assistive tech. */}
      <label htmlFor={id} className="visually-hidden">{t('language.label')}</label>
      <select id={id} value={locale} data-testid="language-select" onChange={(event) => isLocale(event.target.value) && void change(event.target.value)}>
        {locales.map((option) => <option key={option} value={option} lang={option}>{t(`language.${option}`)}</option>)}
      </select>
    </div>
  );
}
