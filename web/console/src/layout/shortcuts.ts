import type { MessageKey } from '../i18n/index.ts';

/** Two-key "go to" shortcuts, as in Gmail and most helpdesks: press g, then the letter. */
export const goShortcuts: { key: string; path: string; label: MessageKey }[] = [
  { key: 'i', path: '/inbox', label: 'shortcuts.inbox' },
  { key: 't', path: '/team', label: 'shortcuts.team' },
  { key: 'a', path: '/account', label: 'shortcuts.account' },
];

const sequenceWindowMs = 1500;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Listens for shortcuts on the whole page. Keys typed into a field, with a modifier, or
 * while a modal is open are left alone.
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
    const shortcut = Date.now() - gPressedAt < sequenceWindowMs ? goShortcuts.find((s) => s.key === event.key) : undefined;
    gPressedAt = 0;
    if (shortcut) {
      event.preventDefault();
      actions.go(shortcut.path);
    }
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}
