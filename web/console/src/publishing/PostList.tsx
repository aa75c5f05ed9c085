import { useEffect, useState } from 'react';
import { listPostsApi, type CalendarFilter, type CalendarPost } from '../api/publishing.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { wallClock } from './calendar-dates.ts';

/** The list view: every post, newest first, fifty at a time. */
export function PostList({ filter, timezone, onOpen }: { filter: CalendarFilter; timezone: string; onOpen: (postId: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [posts, setPosts] = useState<CalendarPost[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const page = async (before?: string) => {
    setLoading(true);
    try {
      const answer = await listPostsApi({ ...filter, ...(before ? { before } : {}) });
      setPosts((list) => (before ? [...list, ...answer.posts] : answer.posts));
      setNext(answer.next);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  // The parent keys this list by its filter, so the first page loads once per filter.
  useEffect(() => { void page(); }, []);

  return (
    <section className="card pub-list" data-testid="pub-list">
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      {!loading && posts.length === 0 && <p className="muted">{t('pub.empty')}</p>}
      <table className="pub-list-table">
        <tbody>
          {posts.map((post) => {
            const when = post.scheduledAt === null ? null : wallClock(post.scheduledAt, timezone);
            return (
              <tr key={post.id} data-testid="pub-list-row" data-status={post.status}>
                <td>{when ? `${when.day} ${when.time}` : t('pub.noTime')}</td>
                <td>{post.versions.map((v) => <span key={v.network} className={`pub-net pub-net-${v.network}`} title={t(`network.${v.network}`)}>{v.network === 'instagram' ? 'IG' : v.network[0]!.toUpperCase()}</span>)}</td>
                <td><button type="button" className="link-button" onClick={() => onOpen(post.id)}>{post.excerpt || '—'}</button></td>
                <td><span className={`pub-status pub-status-${post.status}`}>{t(`status.${post.status}`)}</span></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {next && <Button onClick={() => void page(next)} pending={loading} data-testid="pub-list-more">{t('pub.more')}</Button>}
    </section>
  );
}
