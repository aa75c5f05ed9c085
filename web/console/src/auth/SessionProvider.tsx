import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onSessionLost } from '../api/client.ts';
import { getMe, getSession, signOut as requestSignOut } from '../api/relais.ts';
import type { Me } from '../../../../src/contracts/index.ts';
import { useI18n } from '../i18n/index.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; setupNeeded: boolean; me: Me | null; expired: boolean };

export interface Session {
  state: SessionState;
  retry: () => void;
  /** After setup, sign-in or accepting an invitation: the user's saved language wins. */
  enter: (me: Me) => void;
  /** After a change to the user or a workspace switch. */
  update: (me: Me) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const enter = useCallback((me: Me) => {
    if (me.user?.locale) setLocale(me.user.locale);
    setState({ status: 'ready', setupNeeded: false, me, expired: false });
  }, [setLocale]);

  const boot = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      // Also sets the relais_csrf cookie that every later POST/PATCH/DELETE needs.
      const session = await getSession();
      if (session.signedIn) return enter(await getMe());
      setState({ status: 'ready', setupNeeded: session.setupNeeded, me: null, expired: false });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [enter]);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(() => onSessionLost(() => {
    setState((current) => (current.status === 'ready' && current.me ? { ...current, me: null, expired: true } : current));
  }), []);

  const value = useMemo<Session>(() => ({
    state,
    retry: () => void boot(),
    enter,
    update: (me) => setState((current) => (current.status === 'ready' ? { ...current, me } : current)),
    signOut: async () => {
      // Even if the server cannot be told, the person asked to leave: clear the screen.
      await requestSignOut().catch(() => undefined);
      setState({ status: 'ready', setupNeeded: false, me: null, expired: false });
    },
  }), [state, boot, enter]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For pages that only render when signed in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'ready' || !state.me) throw new Error('useMe used while signed out');
  return state.me;
}
