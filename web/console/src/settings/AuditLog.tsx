import { useCallback } from 'react';
import { listAudit } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

/** "Journal d'audit": who changed what in the workspace, newest first. */
export function AuditLog() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listAudit(), []);
  const [state, reload] = useResource(load);
  return (
    <section className="card" aria-labelledby="audit-title" data-testid="audit-log">
      <div className="card-head">
        <h2 id="audit-title">{t('settings.audit')}</h2>
        <Button variant="ghost" onClick={() => void reload()}>{t('settings.refresh')}</Button>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {state.state === 'ready' && state.data.entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {state.state === 'ready' && state.data.entries.length > 0 && (
        <table className="data-table" data-testid="audit-rows">
          <thead><tr><th>{t('audit.when')}</th><th>{t('audit.who')}</th><th>{t('audit.what')}</th><th>{t('audit.details')}</th></tr></thead>
          <tbody>
            {state.data.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{i18n.date(entry.createdAt)}</td>
                <td>{t(`audit.actor.${entry.actorType}`)}{entry.actorId ? ` · ${entry.actorId.slice(-6)}` : ''}</td>
                <td><code>{entry.action}</code>{entry.targetType ? ` · ${entry.targetType}` : ''}</td>
                <td className="muted"><code>{JSON.stringify(entry.data)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
