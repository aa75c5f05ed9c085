import type { MessageKey } from '../i18n/index.ts';

/** Two-key "go to" shortcuts, as in Gmail and most helpdesks: press g, then the letter. */
export const goShortcuts: { key: string; path: string; label: MessageKey }[] = [
  { key: 'i', path: '/inbox', label: 'shortcuts.inbox' },
  { key: 't', path: '/team', label: 'shortcuts.team' },
  { key: 'a', path: '/account', label: 'shortcuts.account' },
  { key: 'p', path: '/publishing', label: 'shortcuts.publishing' },
];

/** Single keys the inbox answers to, listed in the help overlay. */
export const inboxShortcuts: { keys: string[]; label: MessageKey }[] = [
  { keys: ['j', 'k'], label: 'shortcuts.move' },
  { keys: ['Enter'], label: 'shortcuts.open' },
  { keys: ['/'], label: 'shortcuts.search' },
  { keys: ['r'], label: 'shortcuts.reply' },
  { keys: ['n'], label: 'shortcuts.note' },
  { keys: ['a'], label: 'shortcuts.assignMe' },
  { keys: ['e'], label: 'shortcuts.resolve' },
];

/** Single keys the publishing calendar answers to, listed in the help overlay. */
export const publishingShortcuts: { keys: string[]; label: MessageKey }[] = [
  { keys: ['n'], label: 'shortcuts.newPost' },
  { keys: ['←', '→'], label: 'shortcuts.period' },
  { keys: ['t'], label: 'shortcuts.today' },
  { keys: ['m', 'w', 'l'], label: 'shortcuts.views' },
  { keys: ['b'], label: 'shortcuts.bestTimes' },
  { keys: ['Shift', '←→↑↓'], label: 'shortcuts.movePost' },
];

const sequenceWindowMs = 1500;

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A page's own keys; it answers true when it used the key. */
export type PageKeyHandler = (key: string, event: KeyboardEvent) => boolean;

const pageHandlers = new Set<PageKeyHandler>();

/** Lets the current page take single keys the shell does not use (the inbox's j, k, e…). */
export function addPageShortcuts(handler: PageKeyHandler): () => void {
  pageHandlers.add(handler);
  return () => pageHandlers.delete(handler);
}

/**
 * Listens for shortcuts on the whole page. Keys typed into a field, with a modifier, or
 * while a modal is open are left alone. The key after a `g` belongs to the "go to" sequence,
 * so `g a` goes to the account and never reaches the page as `a`.
 */
export function listenForShortcuts(actions: { go: (path: string) => void; help: () => void }): () => void {
  let gPressedAt = 0;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    if (event.key === '?') {
      event.preventDefault();
      actions.help();
      return;
    }
    if (event.key === 'g') {
      gPressedAt = Date.now();
      return;
    }
    const inSequence = Date.now() - gPressedAt < sequenceWindowMs;
    gPressedAt = 0;
    if (inSequence) {
      const shortcut = goShortcuts.find((s) => s.key === event.key);
      if (shortcut) {
        event.preventDefault();
        actions.go(shortcut.path);
      }
      return;
    }
    for (const handler of pageHandlers) {
      if (handler(event.key, event)) {
        event.preventDefault();
        return;
      }
    }
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}
