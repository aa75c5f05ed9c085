import { useI18n } from '../i18n/index.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import './account.css';

export function AccountPage() {
  const { t } = useI18n();
  useDocumentTitle(t('account.title'));
  return (
    <div className="page page-narrow">
      <header className="page-head"><h1>{t('account.title')}</h1></header>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <ProfileForm />
      </section>
      <section className="card" aria-labelledby="language-title">
        <h2 id="language-title">{t('language.label')}</h2>
        <LanguageSelect wide />
        <p className="field-hint">{t('account.languageHint')}</p>
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password')}</h2>
        <PasswordForm />
      </section>
    </div>
  );
}
