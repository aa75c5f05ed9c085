import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { getCareReport, getCommerceReport, getSentimentReport, type CareReport, type ConversationDrill, type Period } from '../api/reports.ts';
import { useI18n } from '../i18n/index.ts';
import { formatDuration } from '../i18n/duration.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { DailyChart, palette } from './DailyChart.tsx';
import { DrillPanel } from './DrillPanel.tsx';
import './reports.css';
import { localDay } from '../ui/local-day.ts';
import { useMe } from '../auth/SessionProvider.tsx';

/** "Rapports": care, sentiment and social commerce over a period, each figure opening what is behind it. */
export function ReportsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const now = Date.now();
  const zone = useMe().workspace.timezone;
  const [period, setPeriod] = useState<Period>({ from: localDay(now - 29 * 86_400_000, zone), to: localDay(now, zone) });
  const [draft, setDraft] = useState(period);
  const [drill, setDrill] = useState<(ConversationDrill & { title: string }) | null>(null);
  const load = useCallback(() => Promise.all([getCareReport(period), getSentimentReport(period), getCommerceReport(period)]), [period]);
  const [state] = useResource(load);
  const show = (event: FormEvent) => {
    event.preventDefault();
    setDrill(null);
    setPeriod(draft);
  };
  return (
    <main id="main" className="reports-page" data-testid="reports-page">
      <h1>{t('reports.title')}</h1>
      <form className="inline-form" onSubmit={show}>
        <label>{t('reports.from')} <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} data-testid="reports-from" /></label>
        <label>{t('reports.to')} <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} data-testid="reports-to" /></label>
        <Button type="submit">{t('reports.show')}</Button>
      </form>
      {state.state === 'loading' && <p className="muted">{t('reports.loading')}</p>}
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {state.state === 'ready' && (
        <>
          {state.data[0].pending > 0 && <p className="muted">{t('reports.pending', { count: state.data[0].pending })}</p>}
          <CareSection report={state.data[0]} onDrill={setDrill} />
          {drill && <DrillPanel period={period} drill={drill} onClose={() => setDrill(null)} />}
          <SentimentSection report={state.data[1]} />
          <CommerceSection report={state.data[2]} />
          <Definitions />
        </>
      )}
    </main>
  );
}

function CareSection({ report, onDrill }: { report: CareReport; onDrill: (drill: ConversationDrill & { title: string }) => void }) {
  const { t, locale } = useI18n();
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(locale, ms));
  const percent = (share: number | null) => (share === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share));
  const days = useMemo(() => report.volume.byDay.map((d) => d.day), [report]);
  const series = useMemo(() => [
    { label: t('reports.conversations'), values: report.volume.byDay.map((d) => d.conversations), color: palette.blue },
    { label: t('reports.customerMessages'), values: report.volume.byDay.map((d) => d.customerMessages), color: palette.orange },
  ], [report, t]);
  const timing = (title: string, figures: CareReport['firstResponse'], metric: 'first_response' | 'resolution', testId: string) => (
    <table className="report-table" data-testid={testId}>
      <caption>{title}</caption>
      <thead><tr><th scope="col" /><th scope="col">{t('reports.median')}</th><th scope="col">{t('reports.p90')}</th><th scope="col">{t('reports.mean')}</th></tr></thead>
      <tbody>
        {(['calendar', 'business'] as const).map((mode) => (
          <tr key={mode}>
            <th scope="row">{t(`reports.${mode}`)}</th>
            <td>{duration(figures[mode].medianMs)}</td>
            <td>
              {figures[mode].p90Ms === null ? '—' : (
                <button type="button" className="link-button" data-testid={`${testId}-p90-${mode}`}
                  onClick={() => onDrill({ of: 'conversations', metric, mode, minMs: figures[mode].p90Ms!, title: t('reports.drillSlow', { value: duration(figures[mode].p90Ms) }) })}>
                  {duration(figures[mode].p90Ms)}
                </button>
              )}
            </td>
            <td>{duration(figures[mode].meanMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="card" aria-labelledby="care-title" data-testid="care-report">
      <h2 id="care-title">{t('reports.care')}</h2>
      <dl className="report-figures">
        <div><dt>{t('reports.conversations')}</dt><dd data-testid="care-conversations">{report.conversations}</dd></div>
        <div><dt>{t('reports.responded')}</dt><dd>{report.responded}</dd></div>
        <div><dt>{t('reports.withinSla')}</dt><dd data-testid="care-within-sla">{percent(report.withinSla.share)}</dd></div>
        <div><dt>{t('reports.reopenings')}</dt><dd>{report.reopenings}</dd></div>
        <div><dt>{t('reports.automationFirst')}</dt><dd>{report.answeredByAutomationFirst}</dd></div>
        <div>
          <dt>{t('reports.backlog')}</dt>
          <dd>
            <button type="button" className="link-button" data-testid="care-backlog" onClick={() => onDrill({ of: 'conversations', metric: 'waiting', mode: 'calendar', title: t('reports.backlog') })}>{report.backlog.waiting}</button>
            {report.backlog.oldestWaitingSince !== null && <> · {t('reports.oldest', { age: duration(Date.now() - report.backlog.oldestWaitingSince) })}</>}
          </dd>
        </div>
      </dl>
      {timing(t('reports.firstResponse'), report.firstResponse, 'first_response', 'first-response')}
      {timing(t('reports.resolution'), report.resolution, 'resolution', 'resolution')}
      <p>{t('reports.nextResponse')} : {t('reports.median')} {duration(report.nextResponse.calendar.medianMs)} · {t('reports.p90')} {duration(report.nextResponse.calendar.p90Ms)} ({report.nextResponse.count})</p>
      <h3>{t('reports.perDay')}</h3>
      <DailyChart days={days} series={series} label={t('reports.perDay')} />
      <details>
        <summary>{t('reports.perDayTable')}</summary>
        <table className="report-table">
          <thead><tr><th scope="col">{t('reports.day')}</th><th scope="col">{t('reports.conversations')}</th><th scope="col">{t('reports.customerMessages')}</th></tr></thead>
          <tbody>{report.volume.byDay.map((d) => <tr key={d.day}><th scope="row">{d.day}</th><td>{d.conversations}</td><td>{d.customerMessages}</td></tr>)}</tbody>
        </table>
      </details>
      <h3>{t('reports.agents')}</h3>
      {report.agents.length === 0 ? <p className="muted">{t('reports.none')}</p> : (
        <table className="report-table" data-testid="care-agents">
          <thead><tr><th scope="col">{t('reports.agent')}</th><th scope="col">{t('reports.firstResponses')}</th><th scope="col">{t('reports.meanFirst')}</th><th scope="col">{t('reports.withinSla')}</th></tr></thead>
          <tbody>{report.agents.map((a) => (
            <tr key={a.agentId}>
              <th scope="row">{a.agentId === 'platform' ? t('reports.platform') : a.name}</th>
              <td>{a.firstResponses}</td><td>{duration(a.firstResponseMeanMs.business)}</td><td>{a.withinSla}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

function SentimentSection({ report }: { report: Awaited<ReturnType<typeof getSentimentReport>> }) {
  const { t, locale } = useI18n();
  const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share));
  const score = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value));
  return (
    <section className="card" aria-labelledby="sentiment-title" data-testid="sentiment-report">
      <h2 id="sentiment-title">{t('reports.sentiment')}</h2>
      <table className="report-table">
        <thead><tr><th scope="col" /><th scope="col">{t('reports.positive')}</th><th scope="col">{t('reports.neutral')}</th><th scope="col">{t('reports.negative')}</th><th scope="col">{t('reports.score')}</th></tr></thead>
        <tbody>
          <tr><th scope="row">{t('reports.raw')} ({report.messages})</th><td>{percent(report.share.positive)}</td><td>{percent(report.share.neutral)}</td><td>{percent(report.share.negative)}</td><td>{score(report.score)}</td></tr>
          <tr>
            <th scope="row">{t('reports.adjusted')}</th>
            {(['positive', 'neutral', 'negative'] as const).map((k) => (
              <td key={k}>{percent(report.adjustedShare[k])}{report.adjustedInterval && <small className="muted"> ({t('reports.interval', { low: percent(report.adjustedInterval.low[k]), high: percent(report.adjustedInterval.high[k]) })})</small>}</td>
            ))}
            <td>{score(report.adjustedScore)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">{t('reports.benchmark')}</p>
    </section>
  );
}

function CommerceSection({ report }: { report: Awaited<ReturnType<typeof getCommerceReport>> }) {
  const { t, locale } = useI18n();
  const sells = report.doesSocialSell;
  const percent = (share: number | null) => (share === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share));
  const money = (cents: number | null) => (cents === null || !sells.currency ? '—' : new Intl.NumberFormat(locale, { style: 'currency', currency: sells.currency }).format(cents / 100));
  return (
    <section className="card" aria-labelledby="commerce-title" data-testid="commerce-report">
      <h2 id="commerce-title">{t('reports.commerce')}</h2>
      <table className="report-table">
        <caption>{t('reports.socialSells')}</caption>
        <thead><tr><th scope="col" /><th scope="col">{t('reports.customers')}</th><th scope="col">{t('reports.orderRate')}</th><th scope="col">{t('reports.basket')}</th><th scope="col">{t('reports.repeatRate')}</th></tr></thead>
        <tbody>
          {([['talked', sells.talked], ['didNotTalk', sells.didNotTalk]] as const).map(([key, g]) => (
            <tr key={key}><th scope="row">{t(`reports.${key}`)}</th><td>{g.customers}</td><td>{percent(g.orderRate)}</td><td>{money(g.averageBasketCents)}</td><td>{percent(g.repeatRate)}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="report-caveat" data-testid="commerce-caveat">{t('reports.caveat')}</p>
      <p data-testid="recovered-carts">
        {t('reports.recovered')} : {report.recoveredCarts.reduce((n, r) => n + r.carts, 0)}
        {report.recoveredCarts.filter((r) => r.currency && r.revenueCents > 0).map((r) => ` · ${new Intl.NumberFormat(locale, { style: 'currency', currency: r.currency! }).format(r.revenueCents / 100)}`).join('')}
      </p>
    </section>
  );
}

function Definitions() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="definitions-title" data-testid="report-definitions">
      <h2 id="definitions-title">{t('reports.definitions')}</h2>
      <ul>
        <li>{t('reports.def.firstResponse')}</li>
        <li>{t('reports.def.business')}</li>
        <li>{t('reports.def.percentile')}</li>
        <li>{t('reports.def.period')}</li>
        <li>{t('reports.def.adjusted')}</li>
      </ul>
    </section>
  );
}
