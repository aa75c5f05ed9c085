import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';

interface Props {
  id: string;
  title: string;
  intro: string;
  testId: string;
  form: { submit: (event?: FormEvent<HTMLFormElement>) => Promise<void>; message: string | null | undefined; pending: boolean };
  /** The API base field, tucked away: only tests and the demo point it elsewhere. */
  advanced: ReactNode;
  children: ReactNode;
}

/** The frame every "connect a channel" form shares: title, intro, error banner, fields, submit. */
export function ConnectCard({ id, title, intro, testId, form, advanced, children }: Props) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{intro}</p>
      <form onSubmit={form.submit} noValidate data-testid={testId}>
        {form.message && <Alert tone="error">{form.message}</Alert>}
        {children}
        <details className="advanced">
          <summary>{t('settings.advanced')}</summary>
          {advanced}
        </details>
        <div className="actions">
          <Button type="submit" variant="primary" pending={form.pending}>{t('settings.connect')}</Button>
        </div>
      </form>
    </section>
  );
}
