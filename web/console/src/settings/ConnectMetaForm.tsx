import { connectMetaChannel } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { digitsOnly, required } from '../ui/validate.ts';
import { ConnectCard } from './ConnectCard.tsx';

const empty = { pageId: '', pageToken: '', instagramId: '', apiBase: '' };

/** Connecting a Facebook Page (and its Instagram account) with a Page access token. */
export function ConnectMetaForm({ onConnected }: { onConnected: () => Promise<void> }) {
  const { t } = useI18n();
  const form = useForm({
    initial: empty,
    validate: (v) => ({ pageId: required(v.pageId) ?? digitsOnly(v.pageId), pageToken: required(v.pageToken), instagramId: digitsOnly(v.instagramId) }),
    onSubmit: async (v) => {
      await connectMetaChannel({
        pageId: v.pageId.trim(), pageToken: v.pageToken.trim(),
        ...(v.instagramId.trim() ? { instagramId: v.instagramId.trim() } : {}),
        ...(v.apiBase.trim() ? { apiBase: v.apiBase.trim() } : {}),
      });
      form.setValues(empty);
      await onConnected();
    },
  });
  return (
    <ConnectCard id="connect-title" title={t('settings.connectMeta')} intro={t('settings.connectMetaIntro')} testId="connect-meta" form={form}
      advanced={<Field label={t('settings.apiBase')} hint={t('settings.apiBaseHint')} bound={form.field('apiBase')} type="url" autoComplete="off" />}>
      <Field label={t('settings.pageId')} bound={form.field('pageId')} inputMode="numeric" autoComplete="off" />
      <Field label={t('settings.pageToken')} hint={t('settings.pageTokenHint')} bound={form.field('pageToken')} type="password" autoComplete="off" />
      <Field label={t('settings.instagramId')} hint={t('settings.optional')} bound={form.field('instagramId')} inputMode="numeric" autoComplete="off" />
    </ConnectCard>
  );
}
