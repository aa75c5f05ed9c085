import { useCallback, useState } from 'react';
import { listModeration, moderationQuery, type ModerationFilter } from '../api/inbox.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

const DAY = 86_400_000;

/** A day picked in the form (YYYY-MM-DD, local) as the start of that day; the end bound is the next day. */
function dayStart(value: string): number | undefined {
  if (!value) return undefined;
  const at = new Date(`${value}T00:00:00`).getTime();
  return Number.isFinite(at) ? at : undefined;
}

/** "Registre de modération": every hide, unhide and delete, filtered, and exported for a spreadsheet. */
export function ModerationRegister() {
  const i18n = useI18n();
  const { t } = i18n;
  const [action, setAction] = useState<ModerationFilter['action']>();
  const [actorType, setActorType] = useState<ModerationFilter['actorType']>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const toStart = dayStart(to);
  const filter: ModerationFilter = { action, actorType, from: dayStart(from), to: toStart === undefined ? undefined : toStart + DAY };
  // The query string is the filter's identity: the list reloads when it changes.
  const key = moderationQuery(filter);
  const load = useCallback(() => listModeration(filter), [key]);
  const [state, reload] = useResource(load);
  const csv = (separator: 'comma' | 'semicolon') => `/api/v1/moderation?${moderationQuery(filter, { format: 'csv', separator, limit: '10000' })}`;

  return (
    <section className="card" aria-labelledby="moderation-title" data-testid="moderation-register">
      <div className="card-head">
        <h2 id="moderation-title">{t('settings.moderation')}</h2>
        <Button variant="ghost" onClick={() => void reload()}>{t('settings.refresh')}</Button>
      </div>
      <p className="muted">{t('moderation.intro')}</p>
      <div className="filters-row">
        <label className="field">
          <span>{t('moderation.action')}</span>
          <select value={action ?? ''} onChange={(e) => setAction((e.target.value || undefined) as ModerationFilter['action'])} data-testid="moderation-action">
            <option value="">{t('moderation.all')}</option>
            {(['hide', 'unhide', 'delete'] as const).map((a) => <option key={a} value={a}>{t(`moderation.action.${a}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('moderation.by')}</span>
          <select value={actorType ?? ''} onChange={(e) => setActorType((e.target.value || undefined) as ModerationFilter['actorType'])}>
            <option value="">{t('moderation.all')}</option>
            {(['user', 'rule', 'token', 'platform'] as const).map((a) => <option key={a} value={a}>{t(`moderation.actor.${a}`)}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('moderation.from')}</span><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="field"><span>{t('moderation.to')}</span><input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      <p>
        <a className="button button-primary" href={csv('semicolon')} download="registre-moderation.csv" data-testid="moderation-csv-excel">{t('moderation.csvExcel')}</a>{' '}
        <a className="button button-ghost" href={csv('comma')} download="registre-moderation.csv">{t('moderation.csv')}</a>
      </p>
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {state.state === 'ready' && state.data.entries.length === 0 && <p className="muted">{t('moderation.empty')}</p>}
      {state.state === 'ready' && state.data.entries.length > 0 && (
        <table className="data-table" data-testid="moderation-rows">
          <thead>
            <tr><th>{t('moderation.when')}</th><th>{t('moderation.action')}</th><th>{t('moderation.by')}</th><th>{t('moderation.why')}</th><th>{t('moderation.content')}</th></tr>
          </thead>
          <tbody>
            {state.data.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{i18n.date(entry.at)}</td>
                <td>{t(`moderation.action.${entry.action}`)}</td>
                <td>{entry.actorName ?? t(`moderation.actor.${entry.actorType}`)}</td>
                <td>{entry.reason ?? entry.clause ?? '—'}</td>
                <td className="moderation-snapshot">{entry.snapshot}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
