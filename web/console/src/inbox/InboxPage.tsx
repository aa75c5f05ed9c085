import { canManageTeam } from '../api/types.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../router/Link.tsx';
import { useLocation } from '../router/router.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { inboxViews, viewFromSearch } from './views.ts';
import './inbox.css';

/**
 * The three-pane frame agents work in: views, the conversation list, the open conversation.
 * No channel is connected yet, so the list shows how to get the first messages in.
 */
export function InboxPage() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const current = viewFromSearch(location.split('?')[1] ?? '');
  const currentLabel = t(inboxViews.find((view) => view.id === current)?.label ?? 'inbox.view.mine');
  useDocumentTitle(t('nav.inbox'));

  return (
    <div className="inbox" data-testid="inbox">
      <h1 className="visually-hidden">{t('nav.inbox')}</h1>
      <nav className="inbox-views" aria-label={t('inbox.views')}>
        <h2 className="pane-title">{t('inbox.views')}</h2>
        <ul>
          {inboxViews.map((view) => (
            <li key={view.id}>
              <Link href={view.id === 'mine' ? '/inbox' : `/inbox?view=${view.id}`} current={view.id === current} data-testid={`view-${view.id}`}>
                {t(view.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="inbox-list" aria-label={t('inbox.list')}>
        <h2 className="pane-title">{currentLabel}</h2>
        <div className="empty-state" data-testid="inbox-empty">
          <EmptyTray />
          <p className="empty-title">{t('inbox.empty')}</p>
          <p className="empty-hint">{canManageTeam(me.role) ? t('inbox.emptyHintAdmin') : t('inbox.emptyHintMember')}</p>
        </div>
      </section>
      <section className="inbox-conversation" aria-label={t('inbox.conversation')}>
        <p className="muted">{t('inbox.noSelection')}</p>
      </section>
    </div>
  );
}

/** An inbox tray, drawn inline so it needs no image request and follows the theme colour. */
function EmptyTray() {
  return (
    <svg className="empty-illustration" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M8 28 13 10h22l5 18v10H8z" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M8 28h10l2 5h8l2-5h10" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
    </svg>
  );
}
