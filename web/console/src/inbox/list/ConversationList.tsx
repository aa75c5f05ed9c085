import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ConversationRow } from './ConversationRow.tsx';
import type { ConversationList as ListState } from './use-conversation-list.ts';

interface Props {
  list: ListState;
  now: number;
  title: string;
  activeId: string | undefined;
  openId: string | undefined;
  empty: React.ReactNode;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
}

/** The conversations as a listbox: arrows or j/k move, Enter opens; more load near the end. */
export function ConversationList({ list, now, title, activeId, openId, empty, onActivate, onOpen }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loadMore } = list;

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    }, { rootMargin: '200px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, loadMore]);

  if (list.status === 'loading') return <p className="muted list-status" role="status">{t('app.loading')}</p>;
  if (list.status === 'failed') {
    return <Alert tone="error">{errorText(list.error, i18n)} <Button variant="ghost" onClick={list.refresh}>{t('common.retry')}</Button></Alert>;
  }
  // The search read only the newest matches: say so, or an older conversation seems missing.
  const capped = list.searchCappedAt !== null && (
    <div data-testid="search-capped"><Alert tone="info">{t('inbox.searchCapped', { count: new Intl.NumberFormat(i18n.locale).format(list.searchCappedAt) })}</Alert></div>
  );
  if (list.rows.length === 0) return <>{capped}{empty}</>;

  const move = (delta: number) => {
    const index = list.rows.findIndex((row) => row.id === activeId);
    const next = list.rows[Math.min(list.rows.length - 1, Math.max(0, index + delta))];
    if (next) onActivate(next.id);
  };

  return (
    <div className="list-scroll">
      {capped}
      <ul
        role="listbox"
        aria-label={title}
        className="conversation-list"
        data-testid="conversation-list"
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') move(1);
          else if (event.key === 'ArrowUp') move(-1);
          else return;
          event.preventDefault();
        }}
      >
        {list.rows.map((row, index) => (
          <ConversationRow
            key={row.id}
            conversation={row}
            now={now}
            active={activeId ? row.id === activeId : index === 0}
            open={row.id === openId}
            onOpen={() => onOpen(row.id)}
            onFocus={() => onActivate(row.id)}
          />
        ))}
      </ul>
      {hasMore && (
        <div ref={sentinel} className="load-more">
          <Button variant="ghost" pending={list.loadingMore} onClick={loadMore} data-testid="load-more">{t('inbox.loadMore')}</Button>
        </div>
      )}
    </div>
  );
}
