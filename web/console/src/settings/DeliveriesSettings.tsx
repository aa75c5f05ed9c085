import { useCallback } from 'react';
import { listParkedDeliveries, replayDelivery } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { useAction } from './use-action.ts';

/** Webhook deliveries that failed to process: kept, never dropped, and replayable once fixed. */
export function DeliveriesSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listParkedDeliveries().then((r) => r.deliveries), []);
  const [deliveries, reload] = useResource(load);
  const action = useAction();

  return (
    <section className="card" aria-labelledby="deliveries-title">
      <div className="card-head">
        <h2 id="deliveries-title">{t('settings.deliveries')}</h2>
        <Button variant="ghost" onClick={() => void reload()}>{t('settings.refresh')}</Button>
      </div>
      <p className="muted">{t('settings.deliveriesIntro')}</p>
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      {deliveries.state === 'failed' && <Alert tone="error">{errorText(deliveries.error, i18n)}</Alert>}
      {deliveries.state === 'ready' && (
        <ul className="settings-list" data-testid="deliveries-list">
          {deliveries.data.length === 0 && <li className="muted">{t('settings.deliveriesEmpty')}</li>}
          {deliveries.data.map((delivery) => (
            <li key={delivery.id} data-testid="delivery-row">
              <div>
                <strong>{delivery.provider}</strong>
                <span className="muted"> · {i18n.relative(delivery.receivedAt)} · {t('settings.attempts', { count: delivery.attempts })}</span>
                {delivery.error && <p className="delivery-error"><code>{delivery.error}</code></p>}
              </div>
              <Button pending={action.busy === delivery.id} onClick={() => void action.run(delivery.id, () => replayDelivery(delivery.id), reload)}>{t('settings.replay')}</Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
