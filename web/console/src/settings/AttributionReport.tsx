import { useCallback, useState, type FormEvent } from 'react';
import { useMe } from '../auth/SessionProvider.tsx';
import { getAttributionReport, type AttributionReport as Report, type ReportRow } from '../api/commerce.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { AttributionChart } from './AttributionChart.tsx';
import { can } from '../../../../src/contracts/permissions.ts';
import { PromoCodeMapping } from './PromoCodeMapping.tsx';
import { localDay } from '../ui/local-day.ts';

/** "Ventes attribuées": what social brought in over a period, per channel, model and agent. */
export function AttributionReport() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const now = Date.now();
  const zone = me.workspace.timezone;
  const [period, setPeriod] = useState({ from: localDay(now - 30 * 86_400_000, zone), to: localDay(now, zone) });
  const [draft, setDraft] = useState(period);
  const load = useCallback(() => getAttributionReport(period.from, period.to), [period]);
  const [state, reload] = useResource(load);
  const money = (cents: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  const modelLabel = (row: ReportRow) => (['promo_code', 'utm', 'conversation_assisted'].includes(row.key) ? t(`attribution.model.${row.key as 'utm'}`) : row.label);
  const show = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };

  return (
    <section className="card" aria-labelledby="attribution-title" data-testid="attribution-report">
      <div className="card-head"><h2 id="attribution-title">{t('settings.attribution')}</h2></div>
      <p className="muted">{t('attribution.intro')}</p>
      <form className="inline-form" onSubmit={show}>
        <label>{t('attribution.from')} <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} data-testid="attribution-from" /></label>
        <label>{t('attribution.to')} <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} data-testid="attribution-to" /></label>
        <Button type="submit">{t('attribution.show')}</Button>
      </form>
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {state.state === 'ready' && <ReportView report={state.data} money={money} modelLabel={modelLabel} />}
      {/* Community managers read the report; mapping codes needs channels.manage (owners, admins). */}
      {can(me.role, 'channels.manage') && <PromoCodeMapping onMapped={() => void reload()} />}
    </section>
  );
}

function ReportView({ report, money, modelLabel }: { report: Report; money: (cents: number, currency: string) => string; modelLabel: (row: ReportRow) => string }) {
  const { t } = useI18n();
  if (report.totals.length === 0) return <p className="muted" data-testid="attribution-none">{t('attribution.none')}</p>;
  const tables: [string, ReportRow[], (row: ReportRow) => string][] = [
    [t('attribution.byChannel'), report.byChannel, (row) => row.label],
    [t('attribution.byModel'), report.byModel, modelLabel],
    [t('attribution.byAgent'), report.byAgent, (row) => row.label],
    [t('attribution.byAmbassador'), report.byAmbassador ?? [], (row) => row.label],
  ];
  return (
    <div data-testid="attribution-view">
      {report.totals.map((total) => <p key={total.currency} className="attribution-total" data-testid="attribution-total">{t('attribution.total', { orders: total.orders, revenue: money(total.revenueCents, total.currency) })}</p>)}
      <AttributionChart title={`${t('attribution.chart')} — ${t('attribution.byChannel')}`} rows={report.byChannel} label={(row) => row.label} money={money} />
      <AttributionChart title={`${t('attribution.chart')} — ${t('attribution.byModel')}`} rows={report.byModel} label={modelLabel} money={money} />
      {tables.map(([title, rows, label]) => rows.length > 0 && (
        <table key={title} className="table attribution-table">
          <caption>{title}</caption>
          <thead><tr><th scope="col">{t('attribution.name')}</th><th scope="col">{t('attribution.orders')}</th><th scope="col">{t('attribution.revenue')}</th></tr></thead>
          <tbody>
            {rows.map((row) => <tr key={`${row.key}:${row.currency}`}><td>{label(row)}</td><td>{row.orders}</td><td>{money(row.revenueCents, row.currency)}</td></tr>)}
          </tbody>
        </table>
      ))}
    </div>
  );
}
