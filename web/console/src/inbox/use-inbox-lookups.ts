import { useCallback, useEffect, useRef, useState } from 'react';
import { listCannedReplies, listChannels, listLabels } from '../api/inbox.ts';
import type { CannedReply, Channel, Label } from '../../../../src/contracts/index.ts';
import { listMembers } from '../api/relais.ts';
import type { Member } from '../../../../src/contracts/index.ts';
import { useRealtimeSignals } from '../realtime/RealtimeProvider.tsx';

export interface InboxLookups {
  members: Member[];
  labels: Label[];
  channels: Channel[];
  cannedReplies: CannedReply[];
  reload: () => void;
  /** A reload at most every 5 s: called when a popover opens, so a new teammate or reply shows up. */
  refreshSoon: () => void;
}

const settled = async <T,>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

/**
 * The workspace's teammates, labels, channels and canned replies, for filters, actions and
 * the composer. Each may fail on its own (an older server, a role) without blanking the inbox.
 */
export function useInboxLookups(): InboxLookups {
  const [data, setData] = useState<Omit<InboxLookups, 'reload' | 'refreshSoon'>>({ members: [], labels: [], channels: [], cannedReplies: [] });
  const loadedAt = useRef(0);

  const reload = useCallback(() => {
    loadedAt.current = Date.now();
    void Promise.all([
      settled(listMembers().then((r) => r.members), undefined),
      settled(listLabels().then((r) => r.labels), undefined),
      settled(listChannels().then((r) => r.channels), undefined),
      settled(listCannedReplies().then((r) => r.cannedReplies), undefined),
    ]).then(([members, labels, channels, cannedReplies]) => setData((current) => ({
      members: members ?? current.members,
      labels: labels ?? current.labels,
      channels: channels ?? current.channels,
      cannedReplies: cannedReplies ?? current.cannedReplies,
    })));
  }, []);

  const refreshSoon = useCallback(() => {
    if (Date.now() - loadedAt.current > 5000) reload();
  }, [reload]);

  useEffect(reload, [reload]);
  useEffect(() => {
    const visible = () => document.visibilityState === 'visible' && refreshSoon();
    document.addEventListener('visibilitychange', visible);
    return () => document.removeEventListener('visibilitychange', visible);
  }, [refreshSoon]);
  useRealtimeSignals((signal) => {
    if (signal.type === 'reload' || signal.type === 'channel.needs_reconnect') reload();
  });

  return { ...data, reload, refreshSoon };
}
