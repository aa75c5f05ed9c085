import { useCallback, useState } from 'react';
import { request } from '../api/client.ts';
import { createAmbassadorCodeApi, getLeaderboard, saveThreshold } from '../api/contests.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import './contests.css';

const PERIODS = [30, 90, 365];
const KINDS = ['positive_comment', 'share', 'like', 'tag', 'entry', 'order', 'code_sale'] as const;

/** The ambassadors leaderboard: filters, the shop's threshold, a personal code in one click. */
export function AmbassadorsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [network, setNetwork] = useState('all');
  const [days, setDays] = useState(90);
  const load = useCallback(async () => {
    const [board, channels] = await Promise.all([getLeaderboard(network, days), request<{ channels: { id: string; kind: string; name: string }[] }>('GET', '/api/v1/channels')]);
    return { board, shops: channels.channels.filter((c) => c.kind === 'shopify' || c.kind === 'woocommerce') };
  }, [network, days]);
  const [data, reload] = useResource(load);
  const [threshold, setThreshold] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<string | null>(null);
  // The server explains in French; the console says the same from the counts, in the UI's language.
  const explain = (counts: Record<string, number>, period: number) => {
    const parts = KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => t(`ambassadors.kind.${k}` as MessageKey, { n: counts[k]! }));
    return t('ambassadors.explain', { parts: parts.join(', '), days: period });
  };
  const money = (cents: number, currency: string) => new Intl.NumberFormat(i18n.locale, { style: 'currency', currency }).format(cents / 100);

  const run = async (key: string, work: () => Promise<unknown>) => {
    setPending(key);
    setError(null);
    try {
      await work();
      await reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="page page-wide">
      <header className="page-head">
        <h1>{t('ambassadors.title')}</h1>
        <p className="muted">{t('ambassadors.intro')}</p>
      </header>
      <div className="card ambassador-filters">
        <label className="field">{t('ambassadors.network')}
          <select value={network} onChange={(e) => setNetwork(e.target.value)} data-testid="ambassador-network">
            <option value="all">{t('ambassadors.allNetworks')}</option>
            <option value="facebook">Facebook</option><option value="instagram">Instagram</option><option value="x">X</option>
          </select>
        </label>
        <label className="field">{t('ambassadors.period')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="ambassador-period">
            {PERIODS.map((p) => <option key={p} value={p}>{t('ambassadors.days', { days: p })}</option>)}
          </select>
        </label>
        {data.state === 'ready' && (
          <form onSubmit={(e) => { e.preventDefault(); void run('threshold', () => saveThreshold(Number(threshold ?? data.data.board.threshold))); }} className="ambassador-filters">
            <label className="field">{t('ambassadors.threshold')}
              <input type="number" min={1} value={threshold ?? String(data.data.board.threshold)} onChange={(e) => setThreshold(e.target.value)} />
            </label>
            <Button type="submit" pending={pending === 'threshold'}>{t('ambassadors.saveThreshold')}</Button>
          </form>
        )}
      </div>
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      {data.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {data.state === 'failed' && <Alert tone="error">{errorText(data.error, i18n)}</Alert>}
      {data.state === 'ready' && (data.data.board.ambassadors.length === 0 ? <p className="muted">{t('ambassadors.none')}</p> : (
        <table className="table card" data-testid="ambassadors">
          <thead><tr>
            <th scope="col">{t('ambassadors.rank')}</th><th scope="col">{t('ambassadors.name')}</th><th scope="col">{t('ambassadors.score')}</th>
            <th scope="col">{t('ambassadors.why')}</th><th scope="col">{t('ambassadors.code')}</th><th scope="col">{t('ambassadors.revenue')}</th>
          </tr></thead>
          <tbody>
            {data.data.board.ambassadors.map((a, index) => (
              <tr key={a.contactId} data-testid="ambassador-row">
                <td>{index + 1}</td>
                <td>{a.name ?? '—'} {a.ambassador && <span className="badge" data-testid="ambassador-label">{t('ambassadors.label')}</span>}</td>
                <td>{a.score.toLocaleString(i18n.locale)}</td>
                <td data-testid="ambassador-why">{explain(a.counts, days)}</td>
                <td>
                  {a.codes.map((c) => <code key={c.code}>{c.code}</code>)}
                  {a.codes.length === 0 && (data.data.shops[0]
                    ? <Button pending={pending === a.contactId} onClick={() => void run(a.contactId, () => createAmbassadorCodeApi(a.contactId, data.data.shops[0]!.id))}>{t('ambassadors.createCode')}</Button>
                    : <span className="muted">{t('ambassadors.noShop')}</span>)}
                </td>
                <td>{a.codeRevenue.map((r) => money(r.cents, r.currency)).join(' · ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
