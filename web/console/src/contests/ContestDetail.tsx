import { useCallback, useEffect, useState } from 'react';
import { drawContest, getContestApi, listEntriesApi, notifyWinnersApi, type EntryCounts } from '../api/contests.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { useRealtimeSignals } from '../realtime/RealtimeProvider.tsx';
import { Link } from '../router/Link.tsx';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

const NETWORKS = ['facebook', 'instagram', 'x'] as const;

/** One contest: commitment, live counts per network, entries with reasons, draw, proof, winners told. */
export function ContestDetail({ contestId }: { contestId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(async () => {
    const [view, entries] = await Promise.all([getContestApi(contestId), listEntriesApi(contestId)]);
    return { ...view, entries: entries.entries };
  }, [contestId]);
  const [data, reload] = useResource(load);
  const [live, setLive] = useState<EntryCounts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<'draw' | 'notify' | null>(null);

  useRealtimeSignals((signal) => {
    if (!('data' in signal)) {
      void reload();
      return;
    }
    const payload = signal.data as { contestId?: string; counts?: EntryCounts } | undefined;
    if (signal.type === 'contest.entries' && payload?.contestId === contestId) {
      setLive(payload.counts ?? null);
      void reload();
    }
    if ((signal.type === 'contest.drawn' || signal.type === 'contest.winners') && payload?.contestId === contestId) void reload();
  });
  // A winner's message is sent by a job: look again until every queued one is through.
  const waiting = data.state === 'ready' && data.data.winners.some((w) => w.notice === 'queued');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void reload(), 1500);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  const act = async (kind: 'draw' | 'notify') => {
    setPending(kind);
    setError(null);
    try {
      if (kind === 'draw') await drawContest(contestId);
      else await notifyWinnersApi(contestId);
      await reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  if (data.state === 'loading') return <div className="page"><p className="muted" role="status">{t('app.loading')}</p></div>;
  if (data.state === 'failed') return <div className="page"><Alert tone="error">{errorText(data.error, i18n)}</Alert></div>;
  const { contest, winners, entries } = data.data;
  const counts = live ?? data.data.counts;
  const drawn = contest.status === 'drawn';
  return (
    <div className="page page-wide">
      <header className="page-head">
        <p><Link href="/contests">← {t('contests.back')}</Link></p>
        <h1>{contest.name}</h1>
        <p className="muted">{i18n.date(contest.startsAt)} → {i18n.date(contest.endsAt)}</p>
      </header>
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      <section className="card">
        <p>{t('contests.commitment')} : <code className="hash" data-testid="contest-commitment">{contest.commitment}</code></p>
        {contest.draw && <p>{t('contests.seed')} : <code className="hash" data-testid="contest-seed">{contest.draw.seed}</code></p>}
        {contest.draw && <p>{t('contests.entriesHash')} : <code className="hash">{contest.draw.entriesHash}</code></p>}
      </section>
      <section className="card" aria-labelledby="live-title">
        <h2 id="live-title">{t('contests.live')}</h2>
        <table className="table" data-testid="live-counts">
          <thead><tr><th scope="col">{t('contests.network')}</th><th scope="col">{t('contests.entries')}</th><th scope="col">{t('contests.eligible')}</th></tr></thead>
          <tbody>
            {NETWORKS.filter((n) => contest.posts.some((p) => p.network === n) || counts[n]).map((n) => (
              <tr key={n} data-testid={`live-${n}`}><td>{n}</td><td data-testid={`live-${n}-entries`}>{counts[n]?.entries ?? 0}</td><td data-testid={`live-${n}-eligible`}>{counts[n]?.eligible ?? 0}</td></tr>
            ))}
          </tbody>
        </table>
        <div className="contest-actions">
          {!drawn && <Button variant="primary" pending={pending === 'draw'} onClick={() => void act('draw')} data-testid="contest-draw">{t('contests.draw')}</Button>}
          {!drawn && Date.now() < contest.endsAt && <span className="muted">{t('contests.drawAfterEnd')}</span>}
          {drawn && <a className="button button-secondary" href={`/api/v1/contests/${encodeURIComponent(contest.id)}/proof`} download data-testid="contest-proof">{t('contests.proof')}</a>}
          {drawn && <Button variant="primary" pending={pending === 'notify'} onClick={() => void act('notify')} data-testid="contest-notify">{t('contests.notify')}</Button>}
        </div>
      </section>
      {drawn && (
        <section className="card" aria-labelledby="results-title">
          <h2 id="results-title">{t('contests.results')}</h2>
          <ol className="contest-winners" data-testid="contest-winners">
            {winners.map((w) => (
              <li key={w.entryId} data-testid="contest-winner" data-notice={w.notice}>
                <strong>{t(w.role === 'winner' ? 'contests.winner' : 'contests.alternate', { rank: w.rank })}</strong> · {w.authorName ?? '—'} ({w.network}) ·{' '}
                <span data-testid="winner-notice">{t(`contests.notice.${w.notice}` as MessageKey)}</span>
                {w.via && <span className="muted"> ({t(`contests.via.${w.via}` as MessageKey)})</span>}
                {w.reason && <span className="muted"> — {w.reason}</span>}
              </li>
            ))}
          </ol>
          {contest.draw && (
            <>
              <label className="field">{t('contests.announcement')}<textarea readOnly rows={5} value={contest.draw.announcement} data-testid="contest-announcement" /></label>
              <p className="muted">{t('contests.verify', { command: `relais contest verify --entries entries.csv --seed ${contest.draw.seed} --commitment ${contest.commitment} --winners ${contest.winners} --alternates ${contest.alternates}` })}</p>
            </>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="entries-title">
        <h2 id="entries-title">{t('contests.entries')}</h2>
        <table className="table" data-testid="contest-entries">
          <thead><tr><th scope="col">{t('contests.at')}</th><th scope="col">{t('contests.network')}</th><th scope="col">{t('contests.author')}</th><th scope="col">{t('contests.comment')}</th><th scope="col">{t('contests.status')}</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="contest-entry" data-eligible={e.eligible ? 'yes' : 'no'}>
                <td>{i18n.date(e.enteredAt)}</td><td>{e.network}</td><td>{e.authorName ?? '—'}</td><td className="contest-text">{e.text}</td>
                <td>{e.eligible ? t('contests.ok') : t(`contests.reason.${e.reason}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <details className="card"><summary>{t('contests.rules')}</summary><pre className="contest-text">{contest.rulesText}</pre></details>
    </div>
  );
}
