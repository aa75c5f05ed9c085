import { useCallback } from 'react';
import { listChannels } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { errorText } from '../ui/error-text.ts';
import { ConnectMetaForm } from './ConnectMetaForm.tsx';
import { ConnectXForm } from './ConnectXForm.tsx';
import { ConnectShopifyForm, ConnectWooForm } from './ConnectShopForms.tsx';
import { useResource } from '../ui/use-resource.ts';
import { WebchatChannels } from './WebchatChannels.tsx';
import { ChannelWork } from './ChannelWork.tsx';

/** Connected channels with their state (one that needs reconnecting stands out), and connecting a Meta Page or an X account. */
export function ChannelsSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listChannels().then((r) => r.channels), []);
  const [channels, reload] = useResource(load);

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
                <ChannelWork channelId={channel.id} kind={channel.kind} active={channel.status === 'active'} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConnectMetaForm onConnected={reload} />
      <ConnectXForm onConnected={reload} />
      <WebchatChannels channels={channels.state === 'ready' ? channels.data : []} onChanged={reload} />
      <ConnectShopifyForm onConnected={reload} />
      <ConnectWooForm onConnected={reload} />
    </>
  );
}
