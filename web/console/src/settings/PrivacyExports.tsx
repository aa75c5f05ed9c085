import { useCallback } from 'react';
import { getPrivacyExport, listPrivacyExports } from '../api/commerce.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { downloadJson } from '../ui/download-json.ts';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { useAction } from './use-action.ts';

/** "Données personnelles": the exports made for customers (the shop's requests and the team's), to download. */
export function PrivacyExports() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listPrivacyExports(), []);
  const [state, reload] = useResource(load);
  const { busy, failure, run } = useAction();
  return (
    <section className="card" aria-labelledby="privacy-exports-title" data-testid="privacy-exports">
      <div className="card-head">
        <h2 id="privacy-exports-title">{t('settings.privacy')}</h2>
        <Button variant="ghost" onClick={() => void reload()}>{t('settings.refresh')}</Button>
      </div>
      <p className="muted">{t('privacy.exportsIntro')}</p>
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      {state.state === 'ready' && state.data.exports.length === 0 && <p className="muted">{t('privacy.exportsEmpty')}</p>}
      {state.state === 'ready' && state.data.exports.length > 0 && (
        <ul className="panel-list">
          {state.data.exports.map((e) => (
            <li key={e.id} data-testid="privacy-export">
              <span>{i18n.date(e.createdAt)} · {t(e.source === 'shop' ? 'privacy.fromShop' : 'privacy.fromTeam')} · {t('privacy.contacts', { count: e.contacts })}</span>{' '}
              <Button variant="ghost" pending={busy === e.id} onClick={() => void run(e.id, async () => downloadJson(`relais-export-${e.id}.json`, await getPrivacyExport(e.id)))}>{t('privacy.download')}</Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
