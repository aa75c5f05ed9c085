import { useCallback, useState, type FormEvent } from 'react';
import { createContestApi, listCandidatePostsApi, listContestsApi, rulesTemplate } from '../api/contests.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/router.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { ContestDetail } from './ContestDetail.tsx';
import './contests.css';

/** `/contests`: the list and the form to create one from a post; `/contests/:id`: one contest. */
export function ContestsPage({ contestId }: { contestId: string | null }) {
  return contestId ? <ContestDetail contestId={contestId} /> : <ContestList />;
}

function ContestList() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(async () => {
    const [contests, posts, template] = await Promise.all([listContestsApi(), listCandidatePostsApi(), rulesTemplate()]);
    return { contests: contests.contests, posts: posts.posts, template: template.template };
  }, []);
  const [data, reload] = useResource(load);
  return (
    <div className="page page-wide">
      <header className="page-head">
        <h1>{t('contests.title')}</h1>
        <p className="muted">{t('contests.intro')}</p>
        <p><Link href="/ambassadors" data-testid="nav-ambassadors">{t('nav.ambassadors')} →</Link></p>
      </header>
      {data.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {data.state === 'failed' && <Alert tone="error">{errorText(data.error, i18n)} <Button variant="ghost" onClick={() => void reload()}>{t('common.retry')}</Button></Alert>}
      {data.state === 'ready' && (
        <div className="contests-grid">
          <section className="card" aria-labelledby="contests-list">
            <h2 id="contests-list">{t('contests.title')}</h2>
            {data.data.contests.length === 0 ? <p className="muted">{t('contests.none')}</p> : (
              <ul className="contest-list" data-testid="contest-list">
                {data.data.contests.map((c) => (
                  <li key={c.id}>
                    <Link href={`/contests/${encodeURIComponent(c.id)}`}>{c.name}</Link>{' '}
                    <span className="badge">{t(c.status === 'drawn' ? 'contests.drawn' : 'contests.open')}</span>
                    <p className="muted">{i18n.date(c.startsAt)} → {i18n.date(c.endsAt)} · {t('contests.entriesCount', { entries: c.entries, eligible: c.eligible })}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <CreateContestForm posts={data.data.posts} template={data.data.template} />
        </div>
      )}
    </div>
  );
}

const localInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 19);
};

function CreateContestForm({ posts, template }: { posts: { id: string; network: string; text: string | null; channelName: string; externalId: string }[]; template: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState('');
  const [organiser, setOrganiser] = useState('');
  const [postIds, setPostIds] = useState<string[]>([]);
  const [start, setStart] = useState(() => localInput(Date.now()));
  const [end, setEnd] = useState(() => localInput(Date.now() + 7 * 86_400_000));
  const [winners, setWinners] = useState('1');
  const [alternates, setAlternates] = useState('1');
  const [keyword, setKeyword] = useState('');
  const [minTags, setMinTags] = useState('0');
  const [rules, setRules] = useState(template);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { contest } = await createContestApi({
        name, organiser: organiser || 'La boutique', rulesText: rules, startsAt: new Date(start).getTime(), endsAt: new Date(end).getTime(),
        winners: Number(winners), alternates: Number(alternates), postIds, keyword: keyword.trim() || null, minTags: Number(minTags),
      });
      navigate(`/contests/${encodeURIComponent(contest.id)}`);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };
  const toggle = (id: string) => setPostIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <form className="card contest-form" onSubmit={(e) => void submit(e)} aria-labelledby="contest-create" data-testid="contest-form">
      <h2 id="contest-create">{t('contests.create')}</h2>
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      <fieldset>
        <legend>{t('contests.posts')}</legend>
        {posts.length === 0 && <p className="muted">{t('contests.noPosts')}</p>}
        {posts.map((post) => (
          <label key={post.id} className="contest-post">
            <input type="checkbox" checked={postIds.includes(post.id)} onChange={() => toggle(post.id)} data-testid="contest-post" />
            <span className="badge">{post.network}</span> {post.text ?? post.externalId} <span className="muted">({post.channelName})</span>
          </label>
        ))}
      </fieldset>
      <label className="field">{t('contests.name')}<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} name="name" /></label>
      <label className="field">{t('contests.organiser')}<input value={organiser} onChange={(e) => setOrganiser(e.target.value)} maxLength={200} name="organiser" /></label>
      <div className="contest-row">
        <label className="field">{t('contests.start')}<input type="datetime-local" step="1" value={start} onChange={(e) => setStart(e.target.value)} required name="start" /></label>
        <label className="field">{t('contests.end')}<input type="datetime-local" step="1" value={end} onChange={(e) => setEnd(e.target.value)} required name="end" /></label>
      </div>
      <div className="contest-row">
        <label className="field">{t('contests.winners')}<input type="number" min={1} max={100} value={winners} onChange={(e) => setWinners(e.target.value)} name="winners" /></label>
        <label className="field">{t('contests.alternates')}<input type="number" min={0} max={100} value={alternates} onChange={(e) => setAlternates(e.target.value)} name="alternates" /></label>
      </div>
      <div className="contest-row">
        <label className="field">{t('contests.keyword')}<input value={keyword} onChange={(e) => setKeyword(e.target.value)} maxLength={60} name="keyword" placeholder="#Concours" /></label>
        <label className="field">{t('contests.minTags')}<input type="number" min={0} max={10} value={minTags} onChange={(e) => setMinTags(e.target.value)} name="minTags" /></label>
      </div>
      <label className="field">{t('contests.rules')}<textarea value={rules} onChange={(e) => setRules(e.target.value)} rows={8} name="rules" /></label>
      <p className="field-hint">{t('contests.rulesHint')}</p>
      <Button type="submit" variant="primary" pending={pending} disabled={postIds.length === 0 || !name}>{t('contests.submit')}</Button>
    </form>
  );
}
