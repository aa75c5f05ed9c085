import { useCallback, useEffect, useRef, useState } from 'react';
import { can } from '../../../../src/contracts/permissions.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { addPageShortcuts } from '../layout/shortcuts.ts';
import { Link } from '../router/Link.tsx';
import { navigate, useLocation } from '../router/router.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ConversationPane, type PaneHandle } from './ConversationPane.tsx';
import { ConversationList } from './list/ConversationList.tsx';
import { activeFilterCount, inboxHref, openConversationId, parseFilters, type InboxFilters } from './list/filters.ts';
import { ListFilters } from './list/ListFilters.tsx';
import { ReconnectNotice } from './list/ReconnectNotice.tsx';
import { useConversationList } from './list/use-conversation-list.ts';
import { useViewCounts } from './list/use-view-counts.ts';
import { countFor, landingView } from './list/view-counts.ts';
import { useInboxLookups } from './use-inbox-lookups.ts';
import { useNow } from './use-now.ts';
import { inboxViews } from './views.ts';
import './inbox.css';
import './conversation.css';

/** The panes agents work in all day: views, the conversation list, the open conversation and its customer. */
export function InboxPage() {
  const { t } = useI18n();
  const me = useMe();
  const search = useLocation().split('?')[1] ?? '';
  const filters = parseFilters(search);
  const openId = openConversationId(search);
  const lookups = useInboxLookups();
  const list = useConversationList(filters);
  const counts = useViewCounts();
  // An owner or admin opening /inbox lands where the work is, once, not on an empty « Mes conversations ».
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current || !counts) return;
    landed.current = true;
    if (new URLSearchParams(search).has('view') || !can(me.role, 'members.manage')) return;
    const view = landingView(counts);
    if (view !== filters.view) navigate(inboxHref({ ...filters, view }, openId), { replace: true });
  }, [counts, search, me.role, filters, openId]);
  const now = useNow(30_000);
  const [activeId, setActiveId] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const pane = useRef<PaneHandle>(null);
  const currentLabel = t(inboxViews.find((view) => view.id === filters.view)?.label ?? 'inbox.view.mine');
  useDocumentTitle(t('nav.inbox'));

  const filtersKey = inboxHref(filters);
  // Another view or filter starts again from its first row.
  useEffect(() => setActiveId(undefined), [filtersKey]);
  const hrefFor = useCallback((conversationId: string) => inboxHref(parseFilters(filtersKey.split('?')[1] ?? ''), conversationId), [filtersKey]);
  const open = useCallback((conversationId: string) => {
    setActiveId(conversationId);
    navigate(hrefFor(conversationId));
  }, [hrefFor]);
  const changeFilters = (next: InboxFilters) => navigate(inboxHref(next, openId), { replace: next.q !== filters.q });

  const rows = list.rows;
  const active = activeId && rows.some((row) => row.id === activeId) ? activeId : openId ?? rows[0]?.id;
  useEffect(() => addPageShortcuts((key) => {
    const focusRow = (id: string | undefined) => {
      if (!id) return;
      setActiveId(id);
      document.getElementById(`conversation-${id}`)?.focus();
    };
    const index = rows.findIndex((row) => row.id === active);
    switch (key) {
      case 'j': focusRow(rows[Math.min(rows.length - 1, index + 1)]?.id); return true;
      case 'k': focusRow(rows[Math.max(0, index - 1)]?.id); return true;
      case 'Enter':
        if (!active || document.activeElement !== document.body) return false;
        open(active);
        return true;
      case '/': searchRef.current?.focus(); return true;
      case 'r': pane.current?.focusComposer(); return Boolean(pane.current);
      case 'n': pane.current?.focusComposer('note'); return Boolean(pane.current);
      case 'e': pane.current?.resolve(); return Boolean(pane.current);
      case 'a': pane.current?.assignToMe(); return Boolean(pane.current);
      default: return false;
    }
  }), [rows, active, open]);

  const filtered = Boolean(filters.q) || activeFilterCount(filters) > 0;
  return (
    <div className={openId ? "inbox has-open" : "inbox"} data-testid="inbox">
      <h1 className="visually-hidden">{t('nav.inbox')}</h1>
      <nav className="inbox-views" aria-label={t('inbox.views')}>
        <h2 className="pane-title">{t('inbox.views')}</h2>
        <ul>
          {inboxViews.map((view) => (
            <li key={view.id}>
              <Link href={inboxHref({ ...filters, view: view.id })} current={view.id === filters.view} data-testid={`view-${view.id}`}>
                {t(view.label)}
                {countFor(counts, view.id) !== undefined && <span className="view-count" data-testid={`count-${view.id}`}>{countFor(counts, view.id)}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="inbox-list" aria-label={t('inbox.list')}>
        <h2 className="pane-title">{currentLabel}</h2>
        <ReconnectNotice channels={lookups.channels} />
        <ListFilters filters={filters} channels={lookups.channels} labels={lookups.labels} members={lookups.members} myUserId={me.user?.id} searchRef={searchRef} onChange={changeFilters} />
        <ConversationList list={list} now={now} title={currentLabel} activeId={active} openId={openId} onActivate={setActiveId} onOpen={open}
          empty={filtered ? <p className="muted list-status" data-testid="inbox-no-match">{t('inbox.noMatch')}</p> : (
            <div className="empty-state" data-testid="inbox-empty">
              <EmptyTray />
              <p className="empty-title">{t('inbox.empty')}</p>
              <p className="empty-hint">{lookups.channels.length > 0 ? t('inbox.emptyView') : can(me.role, 'members.manage') ? t('inbox.emptyHintAdmin') : t('inbox.emptyHintMember')}</p>
            </div>
          )} />
      </section>
      {openId
        ? <ConversationPane key={openId} conversationId={openId} lookups={lookups} handle={pane} hrefFor={hrefFor} onChanged={list.refresh} />
        : <section className="conversation-pane is-empty" aria-label={t('inbox.conversation')}><p className="muted">{t('inbox.noSelection')}</p></section>}
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
