import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { can } from '../../../../src/contracts/permissions.ts';
import { listChannels } from '../api/inbox.ts';
import {
  calendarApi, coachApi, listPostsApi, publishingSettingsApi, updatePostApi, type CalendarFilter, type CalendarPost, type CoachWarning, type PostStatus, type PublishingSettings,
} from '../api/publishing.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { addPageShortcuts } from '../layout/shortcuts.ts';
import { useRealtimeSignals } from '../realtime/RealtimeProvider.tsx';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { errorText } from '../ui/error-text.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { BestTimesMap } from './BestTimesMap.tsx';
import { periodDays, shiftPeriod, todayIn, wallClock, type CalendarView } from './calendar-dates.ts';
import { CalendarGrid, MOVABLE } from './CalendarGrid.tsx';
import { Composer, type ComposerStart } from './Composer.tsx';
import { PostList } from './PostList.tsx';
import { PublishingSettingsForm } from './PublishingSettingsForm.tsx';
import { CHANNEL_KIND, coachText, NETWORKS } from './texts.ts';
import type { ChannelChoice, PublishNetwork } from './types.ts';
import './publishing.css';

type Mode = CalendarView | 'times';
const STATUSES: PostStatus[] = ['draft', 'pending_approval', 'scheduled', 'publishing', 'published', 'failed'];
/** While a post is due or going out, the calendar looks again this often (realtime says so too). */
const WATCH_MS = 3000;

/**
 * `/publishing`: the calendar (month, week, list) with filters per network and status, the
 * posts waiting for approval, the coach's warnings, the best-times map and the composer.
 * Keys: n new post, ←/→ previous/next period, t today, m/w/l views, b best times.
 */
export function PublishingPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const canApprove = can(me.role, 'posts.approve');
  useDocumentTitle(t('pub.title'));
  const [mode, setMode] = useState<Mode>('month');
  const [timezone, setTimezone] = useState(me.workspace.timezone);
  const [day, setDay] = useState(() => todayIn(timezone));
  const [filter, setFilter] = useState<CalendarFilter>({ network: '', status: '' });
  const [posts, setPosts] = useState<CalendarPost[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [pendingPosts, setPendingPosts] = useState<CalendarPost[]>([]);
  const [channels, setChannels] = useState<ChannelChoice[]>([]);
  const [settings, setSettings] = useState<PublishingSettings | null>(null);
  const [silence, setSilence] = useState<CoachWarning[]>([]);
  const [composer, setComposer] = useState<ComposerStart | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [listKey, setListKey] = useState(0);
  const [coachTick, setCoachTick] = useState(0);
  const loadSeq = useRef(0);

  const view: CalendarView = mode === 'times' ? 'month' : mode;
  const days = useMemo(() => periodDays(view === 'list' ? 'week' : view, day), [view, day]);
  const today = todayIn(timezone);
  const networksWithChannel = NETWORKS.filter((n) => channels.some((c) => c.kind === CHANNEL_KIND[n]));

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      const [calendar, pending] = await Promise.all([
        mode === 'month' || mode === 'week' ? calendarApi(days[0]!, days.at(-1)!, filter) : Promise.resolve(null),
        listPostsApi({ status: 'pending_approval' }),
      ]);
      if (seq !== loadSeq.current) return;
      if (calendar) {
        setPosts(calendar.posts);
        setTruncated(calendar.truncated);
        setTimezone(calendar.timezone);
      }
      setPendingPosts(pending.posts);
      setError(null);
    } catch (caught) {
      if (seq === loadSeq.current) setError(caught);
    }
  }, [mode, days, filter]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    void Promise.all([listChannels(), publishingSettingsApi()]).then(([list, saved]) => {
      setChannels(list.channels);
      setSettings(saved);
    }, setError);
  }, []);
  // The coach on the calendar: networks left silent for days.
  useEffect(() => {
    if (networksWithChannel.length === 0) return;
    const now = wallClock(Date.now(), timezone);
    void Promise.all(networksWithChannel.map((network) => coachApi({ network, at: `${now.day}T${now.time}`, text: '' })))
      .then((answers) => setSilence(answers.flatMap((a) => a.warnings.filter((w) => w.code === 'coach.silent'))), () => setSilence([]));
    // Again when a post is scheduled or goes out (coachTick).
  }, [networksWithChannel.join(','), timezone, coachTick]);

  useRealtimeSignals((signal) => {
    if (signal.type === 'reload' || signal.type.startsWith('post.')) {
      void load();
      setListKey((k) => k + 1);
      setCoachTick((k) => k + 1);
    }
  });
  // A post due now is watched until it is out, in case an event is missed.
  const watching = posts.some((p) => p.status === 'publishing' || (p.status === 'scheduled' && p.scheduledAt !== null && p.scheduledAt < Date.now() + 120_000));
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => void load(), WATCH_MS);
    return () => clearInterval(timer);
  }, [watching, load]);

  const openNew = (start: Omit<ComposerStart, 'postId'> = {}) => setComposer({ postId: null, networks: start.networks ?? networksWithChannel.slice(0, 1), ...(start.at ? { at: start.at } : {}) });
  const step = (n: number) => setDay((d) => shiftPeriod(view, d, n));

  useEffect(() => addPageShortcuts((key) => {
    if (composer) return false;
    const actions: Record<string, () => void> = {
      n: () => openNew(), ArrowLeft: () => step(-1), ArrowRight: () => step(1), t: () => setDay(todayIn(timezone)),
      m: () => setMode('month'), w: () => setMode('week'), l: () => setMode('list'), b: () => setMode('times'),
    };
    const action = actions[key];
    action?.();
    return action !== undefined;
  }));

  const move = async (post: CalendarPost, toDay: string) => {
    if (!MOVABLE.has(post.status) || post.scheduledAt === null) return;
    const { day: fromDay, time } = wallClock(post.scheduledAt, timezone);
    if (fromDay === toDay) return;
    setError(null);
    try {
      await updatePostApi(post.id, { scheduledAt: `${toDay}T${time}` });
      setNotice(t('pub.moved', { day: i18n.date(Date.parse(`${toDay}T12:00:00Z`)) }));
      await load();
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid=pub-chip][data-post="${post.id}"]`)?.focus());
    } catch (caught) {
      setError(caught);
    }
  };

  const title = mode === 'month' ? new Intl.DateTimeFormat(i18n.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day.slice(0, 7)}-15T00:00:00Z`))
    : `${i18n.date(Date.parse(`${days[0]}T12:00:00Z`))} – ${i18n.date(Date.parse(`${days.at(-1)}T12:00:00Z`))}`;

  return (
    <div className="page page-wide pub-page" data-testid="publishing-page">
      <header className="page-head pub-head">
        <h1>{t('pub.title')}</h1>
        <div className="pub-toolbar">
          <div className="pub-views" role="group" aria-label={t('shortcuts.views')}>
            {(['month', 'week', 'list', 'times'] as const).map((m) => (
              <Button key={m} variant={mode === m ? 'primary' : 'secondary'} aria-pressed={mode === m} onClick={() => setMode(m)} data-testid={`pub-view-${m}`}>
                {t(m === 'times' ? 'pub.bestTimes' : `pub.${m}`)}
              </Button>
            ))}
          </div>
          {mode !== 'times' && mode !== 'list' && (
            <div className="pub-period">
              <Button variant="ghost" onClick={() => step(-1)} aria-label={t('pub.previous')} data-testid="pub-previous">←</Button>
              <Button variant="ghost" onClick={() => setDay(todayIn(timezone))}>{t('pub.today')}</Button>
              <Button variant="ghost" onClick={() => step(1)} aria-label={t('pub.next')} data-testid="pub-next">→</Button>
              <strong className="pub-period-title" data-testid="pub-period">{title}</strong>
            </div>
          )}
          {mode !== 'times' && (
            <div className="pub-filters">
              <label>{t('pub.filterNetwork')}{' '}
                <select value={filter.network} onChange={(e) => setFilter({ ...filter, network: e.target.value as PublishNetwork | '' })} data-testid="pub-filter-network">
                  <option value="">{t('pub.all')}</option>
                  {NETWORKS.map((n) => <option key={n} value={n}>{t(`network.${n}`)}</option>)}
                </select>
              </label>
              <label>{t('pub.filterStatus')}{' '}
                <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as PostStatus | '' })} data-testid="pub-filter-status">
                  <option value="">{t('pub.all')}</option>
                  {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
                </select>
              </label>
            </div>
          )}
          <Button variant="primary" onClick={() => openNew()} data-testid="pub-new" aria-keyshortcuts="n">{t('pub.new')}</Button>
        </div>
        <p className="muted">{t('pub.timezone', { zone: timezone })}{mode === 'month' || mode === 'week' ? ` · ${t('pub.dragHint')}` : ''}</p>
      </header>
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {truncated && <Alert tone="info">{t('pub.truncated')}</Alert>}
      {silence.length > 0 && (
        <div className="pub-coach-banner" data-testid="pub-coach-banner">
          {silence.map((w) => <p key={w.network}>⚠ {coachText(w, t)}</p>)}
        </div>
      )}
      <div className="pub-layout">
        <div className="pub-main">
          {(mode === 'month' || mode === 'week') && (
            <CalendarGrid days={days} month={mode === 'month' ? day.slice(0, 7) : null} posts={posts} timezone={timezone} rhythm={settings?.rhythm ?? null} today={today}
              onOpen={(postId) => setComposer({ postId })} onMove={(post, to) => void move(post, to)} />
          )}
          {mode === 'list' && <PostList key={`${listKey}:${filter.network}:${filter.status}`} filter={filter} timezone={timezone} onOpen={(postId) => setComposer({ postId })} />}
          {mode === 'times' && <BestTimesMap networks={networksWithChannel} onQueue={(network, at) => openNew({ networks: [network], at })} />}
        </div>
        <aside className="card pub-pending" aria-labelledby="pub-pending-title" data-testid="pub-pending">
          <h2 id="pub-pending-title">{t('pub.pending')} <span className="badge">{pendingPosts.length}</span></h2>
          {pendingPosts.length === 0 ? <p className="muted">{t('pub.pendingNone')}</p> : (
            <ul>
              {pendingPosts.map((p) => (
                <li key={p.id}>
                  <button type="button" className="link-button" onClick={() => setComposer({ postId: p.id })} data-testid="pub-pending-item">
                    {p.scheduledAt !== null ? `${wallClock(p.scheduledAt, timezone).day} ${wallClock(p.scheduledAt, timezone).time} · ` : ''}{p.excerpt}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {canApprove && settings && <PublishingSettingsForm settings={settings} onSaved={setSettings} />}
        </aside>
      </div>
      <Dialog open={composer !== null} onClose={() => setComposer(null)} title={t('composer.pub.title')} testId="pub-composer-dialog">
        {composer && (
          <Composer start={composer} channels={channels} timezone={timezone} canApprove={canApprove} approvalRequired={settings?.approvalRequired ?? false}
            onDone={() => {
              setComposer(null);
              void load();
              setListKey((k) => k + 1);
            }} />
        )}
      </Dialog>
    </div>
  );
}
