import { useSyncExternalStore } from 'react';

/** The console's pages. `/invite/:token` carries the invitation secret in the path. */
export type Route =
  | { name: 'setup' }
  | { name: 'sign-in' }
  | { name: 'inbox' }
  | { name: 'team' }
  | { name: 'account' }
  | { name: 'reports' }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'invite'; token: string }
  | { name: 'contests'; contestId: string | null }
  | { name: 'ambassadors' }
  | { name: 'publishing' }
  | { name: 'other' };

/** The "Réglages" pages, each at `/settings/<section>`. */
export type SettingsSection = 'labels' | 'canned-replies' | 'channels' | 'deliveries' | 'model'
  | 'rules' | 'charter' | 'voice' | 'hours' | 'sla' | 'teams' | 'recovery' | 'attribution' | 'privacy' | 'moderation' | 'audit' | 'tokens' | 'webhooks';
export const settingsSections: readonly SettingsSection[] = ['labels', 'canned-replies', 'channels', 'deliveries', 'model', 'rules', 'charter', 'voice', 'hours', 'sla', 'teams', 'recovery', 'attribution', 'privacy', 'moderation', 'audit', 'tokens', 'webhooks'];

const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

/** The current path and query, re-rendering on navigation and on back/forward. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => location.pathname + location.search);
}

export function matchRoute(location: string): Route {
  const path = location.split('?')[0]?.replace(/\/+$/, '') ?? '';
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite?.[1]) return { name: 'invite', token: decodeURIComponent(invite[1]) };
  if (path === '/settings') return { name: 'settings', section: 'labels' };
  const contest = /^\/contests(?:\/([^/]+))?$/.exec(path);
  if (contest) return { name: 'contests', contestId: contest[1] ? decodeURIComponent(contest[1]) : null };
  if (path === '/ambassadors') return { name: 'ambassadors' };
  const settings = settingsSections.find((section) => path === `/settings/${section}`);
  if (settings) return { name: 'settings', section: settings };
  switch (path) {
    case '/setup': return { name: 'setup' };
    case '/sign-in': return { name: 'sign-in' };
    case '/inbox': return { name: 'inbox' };
    case '/team': return { name: 'team' };
    case '/account': return { name: 'account' };
    case '/reports': return { name: 'reports' };
    case '/publishing': return { name: 'publishing' };
    default: return { name: 'other' };
  }
}

/** Only same-site paths may be used as a post-sign-in destination (no open redirect). */
export function safeNext(value: string | null): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}
