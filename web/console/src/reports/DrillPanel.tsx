import { useCallback, useEffect, useState } from 'react';
import { exportDownloadUrl, getDrill, getExport, startExport, type ConversationDrill, type ExportStatus, type Period } from '../api/reports.ts';
import { useI18n } from '../i18n/index.ts';
import { formatDuration } from '../i18n/duration.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

interface Props {
  period: Period;
  drill: ConversationDrill & { title: string };
  onClose: () => void;
}

/** The conversations behind a figure, and their CSV export as a job with its progress. */
export function DrillPanel({ period, drill, onClose }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { title, ...request } = drill;
  const load = useCallback(() => getDrill(period, request), [period, drill]);
  const [state] = useResource(load);
  const [job, setJob] = useState<ExportStatus | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const timer = setTimeout(() => { getExport(job.id).then(setJob, setFailed); }, 250);
    return () => clearTimeout(timer);
  }, [job]);

  const exportCsv = async () => {
    setFailed(null);
    try {
      const { id } = await startExport(period, request);
      setJob({ id, status: 'queued', rowsDone: 0, rowsTotal: 0, error: null, createdAt: Date.now() });
    } catch (error) {
      setFailed(error);
    }
  };
  const figure = drill.metric === 'resolution' ? (drill.mode === 'business' ? 'resolutionBusinessMs' : 'resolutionCalendarMs') : (drill.mode === 'business' ? 'firstResponseBusinessMs' : 'firstResponseCalendarMs');

  return (
    <section className="card drill-panel" aria-labelledby="drill-title" data-testid="drill-panel">
      <div className="card-head">
        <h2 id="drill-title">{t('reports.drill')}</h2>
        <Button variant="ghost" onClick={onClose}>{t('reports.close')}</Button>
      </div>
      <p>{title}</p>
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {state.state === 'ready' && (state.data.rows.length === 0 ? <p className="muted">{t('reports.none')}</p> : (
        <table className="report-table" data-testid="drill-rows">
          <thead><tr><th scope="col">{t('reports.contact')}</th><th scope="col">{t('reports.waitedFor')}</th><th scope="col" /></tr></thead>
          <tbody>{state.data.rows.map((row) => {
            const value = Object.fromEntries(state.data.columns.map((c, i) => [c, row[i]]));
            const ms = (drill.metric === 'waiting' ? Date.now() - Number(value.waitingSince) : Number(value[figure]));
            return (
              <tr key={String(value.conversationId)} data-testid="drill-row">
                <th scope="row">{value.contact === null ? '—' : String(value.contact)}</th>
                <td>{Number.isFinite(ms) ? formatDuration(locale, ms) : '—'}</td>
                <td><a href={`/inbox?view=all&c=${encodeURIComponent(String(value.conversationId))}`}>{t('reports.openConversation')}</a></td>
              </tr>
            );
          })}</tbody>
        </table>
      ))}
      <div className="drill-export">
        {(!job || job.status === 'failed') && <Button onClick={exportCsv} data-testid="drill-export">{t('reports.export')}</Button>}
        {job && job.status !== 'done' && job.status !== 'failed' && (
          <label data-testid="export-progress">
            {t('reports.exporting', { done: job.rowsDone, total: job.rowsTotal })}
            <progress max={Math.max(1, job.rowsTotal)} value={job.rowsDone} />
          </label>
        )}
        {job?.status === 'done' && <a className="button" href={exportDownloadUrl(job.id)} download data-testid="export-download">{t('reports.download')}</a>}
        {(job?.status === 'failed' || failed !== null) && <Alert tone="error">{failed ? errorText(failed, i18n) : t('reports.exportFailed')}</Alert>}
      </div>
    </section>
  );
}
