import { useCallback } from 'react';
import { connectMetaChannel, listChannels } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { ConnectXForm } from './ConnectXForm.tsx';
import { useResource } from '../ui/use-resource.ts';
import { required } from '../ui/validate.ts';

const digits = (value: string) => (value.trim() === '' || /^\d+$/.test(value.trim()) ? undefined : 'settings.digitsOnly' as const);

/** Connected channels with their state (one that needs reconnecting stands out), and connecting a Meta Page or an X account. */
export function ChannelsSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listChannels().then((r) => r.channels), []);
  const [channels, reload] = useResource(load);
  const form = useForm({
    initial: { pageId: '', pageToken: '', instagramId: '', apiBase: '' },
    validate: (v) => ({ pageId: required(v.pageId) ?? digits(v.pageId), pageToken: required(v.pageToken), instagramId: digits(v.instagramId) }),
    onSubmit: async (v) => {
      await connectMetaChannel({
        pageId: v.pageId.trim(), pageToken: v.pageToken.trim(),
        ...(v.instagramId.trim() ? { instagramId: v.instagramId.trim() } : {}),
        ...(v.apiBase.trim() ? { apiBase: v.apiBase.trim() } : {}),
      });
      form.setValues({ pageId: '', pageToken: '', instagramId: '', apiBase: '' });
      await reload();
    },
  });

  return (
    <>
      <section className="card" aria-labelledby="channels-title">
        <h2 id="channels-title">{t('settings.channels')}</h2>
        {channels.state === 'failed' && <Alert tone="error">{errorText(channels.error, i18n)}</Alert>}
        {channels.state === 'ready' && (
          <ul className="settings-list" data-testid="channels-list">
            {channels.data.length === 0 && <li className="muted">{t('settings.channelsEmpty')}</li>}
            {channels.data.map((channel) => (
              <li key={channel.id} data-testid="channel-row" data-status={channel.status} className={channel.status === 'needs_reconnect' ? 'needs-reconnect' : undefined}>
                <div>
                  <strong>{channel.name}</strong>
                  <span className="muted"> · {channel.kind} · {channel.externalId}</span>
                </div>
                <span className={`status-badge status-badge-${channel.status === 'active' ? 'ok' : 'bad'}`}>
                  {channel.status === 'active' ? t('settings.channelActive') : channel.status === 'needs_reconnect' ? t('settings.channelReconnect') : channel.status}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="connect-title">
        <h2 id="connect-title">{t('settings.connectMeta')}</h2>
        <p className="muted">{t('settings.connectMetaIntro')}</p>
        <form onSubmit={form.submit} noValidate data-testid="connect-meta">
          {form.message && <Alert tone="error">{form.message}</Alert>}
          <Field label={t('settings.pageId')} bound={form.field('pageId')} inputMode="numeric" autoComplete="off" />
          <Field label={t('settings.pageToken')} hint={t('settings.pageTokenHint')} bound={form.field('pageToken')} type="password" autoComplete="off" />
          <Field label={t('settings.instagramId')} hint={t('settings.optional')} bound={form.field('instagramId')} inputMode="numeric" autoComplete="off" />
          <details className="advanced">
            <summary>{t('settings.advanced')}</summary>
            <Field label={t('settings.apiBase')} hint={t('settings.apiBaseHint')} bound={form.field('apiBase')} type="url" autoComplete="off" />
          </details>
          <div className="actions">
            <Button type="submit" variant="primary" pending={form.pending}>{t('settings.connect')}</Button>
          </div>
        </form>
      </section>
      <ConnectXForm onConnected={reload} />
    </>
  );
}
