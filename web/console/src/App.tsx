import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { AccountPage } from './account/AccountPage.tsx';
import { AcceptInvitePage } from './auth/AcceptInvitePage.tsx';
import { useSession, type SessionState } from './auth/SessionProvider.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { useI18n } from './i18n/index.ts';
import { InboxPage } from './inbox/InboxPage.tsx';
import { AppShell } from './layout/AppShell.tsx';
import { matchRoute, navigate, useLocation, type Route } from './router/router.ts';
import { RealtimeProvider } from './realtime/RealtimeProvider.tsx';
import { TeamPage } from './team/TeamPage.tsx';
import { Button } from './ui/Button.tsx';
import { errorText } from './ui/error-text.ts';

type Ready = Extract<SessionState, { status: 'ready' }>;

// Réglages is an admin's page with many forms and a chart: agents, who live in the inbox, never
// download it.
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx').then((module) => ({ default: module.ReportsPage })));
const ContestsPage = lazy(() => import('./contests/ContestsPage.tsx').then((module) => ({ default: module.ContestsPage })));
const AmbassadorsPage = lazy(() => import('./contests/AmbassadorsPage.tsx').then((module) => ({ default: module.AmbassadorsPage })));
const PublishingPage = lazy(() => import('./publishing/PublishingPage.tsx').then((module) => ({ default: module.PublishingPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx').then((module) => ({ default: module.SettingsPage })));

/** Where a visitor must go instead of the requested page, if anywhere. */
function redirectFor(route: Route, location: string, state: Ready): string | undefined {
  if (route.name === 'invite') return undefined;
  if (state.setupNeeded) return route.name === 'setup' ? undefined : '/setup';
  if (state.me) return route.name === 'setup' || route.name === 'sign-in' || route.name === 'other' ? '/inbox' : undefined;
  if (route.name === 'sign-in') return undefined;
  const wanted = route.name === 'other' || route.name === 'setup' ? '' : `?next=${encodeURIComponent(location)}`;
  return `/sign-in${wanted}`;
}

export function App() {
  const i18n = useI18n();
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location);
  const { state } = session;
  const target = state.status === 'ready' ? redirectFor(route, location, state) : undefined;

  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);

  if (state.status === 'loading') return <Splash>{i18n.t('app.loading')}</Splash>;
  if (state.status === 'failed') {
    return (
      <Splash>
        <p role="alert">{i18n.t('app.bootFailed')} {errorText(state.error, i18n)}</p>
        <Button variant="primary" onClick={session.retry}>{i18n.t('common.retry')}</Button>
      </Splash>
    );
  }
  if (target) return null;

  switch (route.name) {
    case 'setup': return <SetupPage />;
    case 'sign-in': return <SignInPage expired={state.expired} />;
    case 'invite': return <AcceptInvitePage key={route.token} token={route.token} />;
    default: return state.me ? (
      // One socket per tab and workspace: the server scopes it by the session's workspace.
      <RealtimeProvider key={state.me.workspace.id}>
        <AppShell><SignedInPage route={route} workspaceId={state.me.workspace.id} /></AppShell>
      </RealtimeProvider>
    ) : null;
  }
}

/** Keyed by workspace so a switch refetches everything for the new one. */
function SignedInPage({ route, workspaceId }: { route: Route; workspaceId: string }) {
  if (route.name === 'team') return <TeamPage key={workspaceId} />;
  if (route.name === 'account') return <AccountPage key={workspaceId} />;
  if (route.name === 'reports') return <Suspense fallback={<LoadingPage />}><ReportsPage key={workspaceId} /></Suspense>;
  if (route.name === 'contests') return <Suspense fallback={<LoadingPage />}><ContestsPage key={`${workspaceId}:${route.contestId ?? ''}`} contestId={route.contestId} /></Suspense>;
  if (route.name === 'publishing') return <Suspense fallback={<LoadingPage />}><PublishingPage key={workspaceId} /></Suspense>;
  if (route.name === 'ambassadors') return <Suspense fallback={<LoadingPage />}><AmbassadorsPage key={workspaceId} /></Suspense>;
  if (route.name === 'settings') {
    return <Suspense fallback={<LoadingPage />}><SettingsPage key={workspaceId} section={route.section} /></Suspense>;
  }
  return <InboxPage key={workspaceId} />;
}

function Splash({ children }: { children: ReactNode }) {
  return <div className="splash" role="status">{children}</div>;
}

function LoadingPage() {
  const { t } = useI18n();
  return <div className="page"><p className="muted" role="status">{t('app.loading')}</p></div>;
}
