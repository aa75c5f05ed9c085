import { connectXChannel } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { required } from '../ui/validate.ts';

const empty = { accountId: '', accessToken: '', apiBase: '' };
// X account ids are numeric strings, often past 2^53: checked as text, never parsed.
const digits = (value: string) => (/^\d+$/.test(value.trim()) ? undefined : 'settings.digitsOnly' as const);

/** Connecting an X account: its id and a user-context token (the consumer secret is an installation setting). */
export function ConnectXForm({ onConnected }: { onConnected: () => Promise<void> }) {
  const { t } = useI18n();
  const form = useForm({
    initial: empty,
    validate: (v) => ({ accountId: required(v.accountId) ?? digits(v.accountId), accessToken: required(v.accessToken) }),
    onSubmit: async (v) => {
      await connectXChannel({ accountId: v.accountId.trim(), accessToken: v.accessToken.trim(), ...(v.apiBase.trim() ? { apiBase: v.apiBase.trim() } : {}) });
      form.setValues(empty);
      await onConnected();
    },
  });
  return (
    <section className="card" aria-labelledby="connect-x-title">
      <h2 id="connect-x-title">{t('settings.connectX')}</h2>
      <p className="muted">{t('settings.connectXIntro')}</p>
      <form onSubmit={form.submit} noValidate data-testid="connect-x">
        {form.message && <Alert tone="error">{form.message}</Alert>}
        <Field label={t('settings.xAccountId')} bound={form.field('accountId')} inputMode="numeric" autoComplete="off" />
        <Field label={t('settings.xAccessToken')} hint={t('settings.xAccessTokenHint')} bound={form.field('accessToken')} type="password" autoComplete="off" />
        <details className="advanced">
          <summary>{t('settings.advanced')}</summary>
          <Field label={t('settings.xApiBase')} hint={t('settings.xApiBaseHint')} bound={form.field('apiBase')} type="url" autoComplete="off" />
        </details>
        <div className="actions">
          <Button type="submit" variant="primary" pending={form.pending}>{t('settings.connect')}</Button>
        </div>
      </form>
    </section>
  );
}
