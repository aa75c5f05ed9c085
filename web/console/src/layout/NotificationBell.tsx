import { useCallback, useEffect, useId, useState } from 'react';
import { listNotifications, markNotificationsRead, type Notification } from '../api/automation.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { formatDuration } from '../i18n/duration.ts';
import { useRealtime, useRealtimeSignals } from '../realtime/RealtimeProvider.tsx';
import { navigate } from '../router/router.ts';
import { Button } from '../ui/Button.tsx';

/** The bell: what rules told me (notify), newest first; opening one goes to its conversation. */
export function NotificationBell() {
  const { t, date, locale } = useI18n();
  const me = useMe();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ notifications: Notification[]; unread: number }>({ notifications: [], unread: 0 });
  const reload = useCallback(() => listNotifications().then(setState).catch(() => undefined), []);

  // Fetched again whenever the socket (re)connects: what was told before it listened is not lost.
  const connection = useRealtime().state;
  useEffect(() => { if (connection === 'connected') void reload(); }, [connection, reload]);
  useRealtimeSignals((signal) => {
    if (signal.type === 'reload' || (signal.type === 'notification.created' && (signal.data as { userId?: string }).userId === me.user?.id)) void reload();
  });

  const go = async (notification: Notification) => {
    setOpen(false);
    if (notification.readAt === null) await markNotificationsRead(notification.id).catch(() => undefined);
    if (notification.kind === 'weekly_report') navigate('/reports');
    else if (notification.kind === 'webhook_disabled') navigate('/settings/webhooks');
    else if (notification.conversationId) navigate(`/inbox?view=open&c=${encodeURIComponent(notification.conversationId)}`);
    void reload();
  };

  // The menu closes on Escape, on a click or a key elsewhere and when focus leaves it (a dialog
  // opening over the page, such as the shortcuts help): it never lingers beneath one.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !document.querySelector('.bell')?.contains(event.target)) setOpen(false);
    };
    // Escape, or any key pressed outside the menu (a shortcut such as ? opening the help).
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || !(event.target instanceof Node) || !document.querySelector('.bell')?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  return (
    <div className="bell" onBlur={(event) => { if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) setOpen(false); }}>
      <button type="button" className="icon-button" aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}
        aria-label={`${t('bell.label')} — ${t('bell.unread', { count: state.unread })}`} data-testid="bell">
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {state.unread > 0 && <span className="bell-count" data-testid="bell-count">{state.unread}</span>}
      </button>
      {open && (
        <div className="bell-panel" id={`${id}-list`} role="dialog" aria-label={t('bell.label')}>
          {state.notifications.length === 0 && <p className="muted">{t('bell.empty')}</p>}
          <ul>
            {state.notifications.map((n) => (
              <li key={n.id} className={n.readAt === null ? 'bell-unread' : undefined}>
                <button type="button" className="link-button" onClick={() => void go(n)}>
                  {n.kind === 'webhook_disabled' ? <strong>{t('bell.webhookDisabled', { url: String(n.data.url ?? '') })}</strong> : n.kind === 'weekly_report'
                    ? <strong>{t('bell.weekly', { conversations: n.data.conversations ?? 0, median: n.data.firstResponseMedianMs == null ? '—' : formatDuration(locale, n.data.firstResponseMedianMs) })}</strong>
                    : <strong>{t('bell.rule', { name: n.data.ruleName ?? '' })}</strong>} <span className="muted">{date(n.createdAt)}</span>
                  {n.data.excerpt && <span className="bell-excerpt">{n.data.excerpt}</span>}
                </button>
              </li>
            ))}
          </ul>
          {state.unread > 0 && <Button variant="ghost" onClick={() => void markNotificationsRead().then(reload)}>{t('bell.readAll')}</Button>}
        </div>
      )}
    </div>
  );
}
