import { connectXChannel } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { digitsOnly, required } from '../ui/validate.ts';
import { ConnectCard } from './ConnectCard.tsx';

const empty = { accountId: '', accessToken: '', apiBase: '' };

/** Connecting an X account: its id and a user-context token (the consumer secret is an installation setting). */
export function ConnectXForm({ onConnected }: { onConnected: () => Promise<void> }) {
  const { t } = useI18n();
  const form = useForm({
    initial: empty,
    validate: (v) => ({ accountId: required(v.accountId) ?? digitsOnly(v.accountId), accessToken: required(v.accessToken) }),
    onSubmit: async (v) => {
      await connectXChannel({ accountId: v.accountId.trim(), accessToken: v.accessToken.trim(), ...(v.apiBase.trim() ? { apiBase: v.apiBase.trim() } : {}) });
      form.setValues(empty);
      await onConnected();
    },
  });
  return (
    <ConnectCard id="connect-x-title" title={t('settings.connectX')} intro={t('settings.connectXIntro')} testId="connect-x" form={form}
      advanced={<Field label={t('settings.xApiBase')} hint={t('settings.xApiBaseHint')} bound={form.field('apiBase')} type="url" autoComplete="off" />}>
      <Field label={t('settings.xAccountId')} bound={form.field('accountId')} inputMode="numeric" autoComplete="off" />
      <Field label={t('settings.xAccessToken')} hint={t('settings.xAccessTokenHint')} bound={form.field('accessToken')} type="password" autoComplete="off" />
    </ConnectCard>
  );
}
