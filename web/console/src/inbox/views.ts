import type { MessageKey } from '../i18n/index.ts';

/** The standing views of the inbox, in the order agents work through them. */
export type InboxView = 'mine' | 'unassigned' | 'open' | 'waiting' | 'snoozed' | 'resolved';

export const inboxViews: { id: InboxView; label: MessageKey }[] = [
  { id: 'mine', label: 'inbox.view.mine' },
  { id: 'unassigned', label: 'inbox.view.unassigned' },
  { id: 'open', label: 'inbox.view.open' },
  { id: 'waiting', label: 'inbox.view.waiting' },
  { id: 'snoozed', label: 'inbox.view.snoozed' },
  { id: 'resolved', label: 'inbox.view.resolved' },
];
