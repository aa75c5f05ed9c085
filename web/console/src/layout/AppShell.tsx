import { useEffect, useState, type ReactNode } from 'react';
import { LanguageSelect } from '../account/LanguageSelect.tsx';
import { useMe, useSession } from '../auth/SessionProvider.tsx';
import { ConnectionIndicator } from '../realtime/ConnectionIndicator.tsx';
import { canSeeReports, canSeeSettings } from '../settings/sections.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../router/Link.tsx';
import { navigate, useLocation } from '../router/router.ts';
import { Button } from '../ui/Button.tsx';
import { WorkspaceSwitcher } from '../workspace/WorkspaceSwitcher.tsx';
import { listenForShortcuts } from './shortcuts.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { AvailabilitySwitch } from './AvailabilitySwitch.tsx';
import './layout.css';

/** The signed-in frame: header with navigation, workspace, language and account. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const session = useSession();
  const path = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);

  useEffect(() => listenForShortcuts({ go: (path) => navigate(path), help: () => setHelpOpen(true) }), []);

  const signOut = async () => {
    setLeaving(true);
    await session.signOut();
    navigate('/sign-in', { replace: true });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <span className="brand"><span className="brand-mark" aria-hidden="true">R</span><span className="brand-name">{t('app.name')}</span></span>
        <WorkspaceSwitcher />
        <nav className="topnav" aria-label={t('nav.main')}>
          <Link href="/inbox" data-testid="nav-inbox">{t('nav.inbox')}</Link>
          {canSeeReports(me.role) && <Link href="/reports" data-testid="nav-reports">{t('nav.reports')}</Link>}
          <Link href="/team" data-testid="nav-team">{t('nav.team')}</Link>
          <Link href="/account" data-testid="nav-account">{t('nav.account')}</Link>
          {canSeeSettings(me.role) && <Link href="/settings" current={path.startsWith('/settings')} data-testid="nav-settings">{t('nav.settings')}</Link>}
        </nav>
        <div className="topbar-end">
          <AvailabilitySwitch />
          <ConnectionIndicator />
          <NotificationBell />
          <button type="button" className="icon-button" onClick={() => setHelpOpen(true)} aria-label={t('header.shortcuts')} title={t('header.shortcuts')}>?</button>
          <LanguageSelect />
          <span className="user-name" data-testid="user-name">{me.user?.name}</span>
          <Button variant="ghost" onClick={() => void signOut()} pending={leaving} data-testid="sign-out">{t('header.signOut')}</Button>
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>{children}</main>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
