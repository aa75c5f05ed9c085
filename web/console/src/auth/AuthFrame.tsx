import type { ReactNode } from 'react';
import { LanguageSelect } from '../account/LanguageSelect.tsx';
import { useI18n } from '../i18n/index.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import './auth.css';

/** The calm single-card frame of the pages seen before signing in. */
export function AuthFrame({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="brand"><span className="brand-mark" aria-hidden="true">R</span>{t('app.name')}</span>
        <LanguageSelect />
      </header>
      <main className="auth-card" id="main">
        <h1>{title}</h1>
        {intro && <div className="auth-intro">{intro}</div>}
        {children}
      </main>
    </div>
  );
}
