import { useCallback, useState } from 'react';
import { bestTimesApi, queueSlotApi } from '../api/publishing.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { NETWORKS } from './texts.ts';
import type { PublishNetwork } from './types.ts';

/**
 * The coach's best times as a heat map, hour × weekday in the workspace's zone, for one
 * network; says when it leans on the general profile for lack of data. "Add to queue" asks
 * the server for the next free good slot and opens the composer there.
 */
export function BestTimesMap({ networks, onQueue }: { networks: PublishNetwork[]; onQueue: (network: PublishNetwork, at: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [network, setNetwork] = useState<PublishNetwork>(networks[0] ?? 'facebook');
  const load = useCallback(() => bestTimesApi(network), [network]);
  const [times] = useResource(load);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const queue = async () => {
    setPending(true);
    setError(null);
    try {
      const slot = await queueSlotApi(network);
      onQueue(network, slot.local);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card pub-times" aria-labelledby="pub-times-title" data-testid="pub-times">
      <header className="pub-times-head">
        <h2 id="pub-times-title">{t('times.title')}</h2>
        <label>{t('times.network')}{' '}
          <select value={network} onChange={(e) => setNetwork(e.target.value as PublishNetwork)} data-testid="pub-times-network">
            {NETWORKS.map((n) => <option key={n} value={n}>{t(`network.${n}`)}</option>)}
          </select>
        </label>
        <Button variant="primary" onClick={() => void queue()} pending={pending} title={t('times.queueHint')} data-testid="pub-queue">{t('times.queue')}</Button>
      </header>
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      {times.state === 'failed' && <Alert tone="error">{errorText(times.error, i18n)}</Alert>}
      {times.state === 'ready' && (() => {
        const data = times.data;
        const max = Math.max(...data.cells.map((c) => c.score), 0.0001);
        const best = new Set(data.best.map((b) => b.weekday * 24 + b.hour));
        return (
          <>
            <p className="muted" data-testid="pub-times-note">{data.enoughData ? t('times.enough', { posts: data.posts, zone: data.timezone }) : t('times.notEnough', { posts: data.posts })}</p>
            <table className="pub-heat">
              <thead><tr><th scope="col" />{Array.from({ length: 24 }, (_, h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
              <tbody>
                {Array.from({ length: 7 }, (_, weekday) => (
                  <tr key={weekday}>
                    <th scope="row">{t(`weekday.${weekday}` as 'weekday.0')}</th>
                    {data.cells.filter((c) => c.weekday === weekday).map((c) => {
                      const label = t('times.cell', { day: t(`weekday.${weekday}` as 'weekday.0'), hour: c.hour, score: c.score.toFixed(1) });
                      return (
                        <td key={c.hour} title={label} aria-label={label} data-level={Math.round((c.score / max) * 9)}
                          className={best.has(weekday * 24 + c.hour) ? 'pub-heat-best' : undefined} />
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      })()}
    </section>
  );
}
