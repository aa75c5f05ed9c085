import { useCallback, useEffect, useRef, useState } from 'react';
import { listConversations } from '../../api/inbox.ts';
import type { ConversationSummary } from '../../../../../src/contracts/index.ts';
import { useRealtime, useRealtimeSignals } from '../../realtime/RealtimeProvider.tsx';
import { listQuery, type InboxFilters } from './filters.ts';

const PAGE = 30;

function withPage(query: string, page: { cursor?: string; limit: number }): string {
  const params = new URLSearchParams(query);
  if (page.cursor) params.set('cursor', page.cursor);
  params.set('limit', String(page.limit));
  return params.toString();
}
const listEvents = new Set(['message.created', 'message.updated', 'outbound.updated', 'conversation.updated', 'contact.updated', 'conversation.sla']);

export interface ConversationList {
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  rows: ConversationSummary[];
  hasMore: boolean;
  /** A search that read only this many matching messages, the newest (the server's `searchCappedAt`), else null. */
  searchCappedAt: number | null;
  loadingMore: boolean;
  loadMore: () => void;
  refresh: () => void;
}

/**
 * The list for the current filters, page by page (cursor). Any inbox event refetches the
 * pages already shown, coalesced: simple, and it can never show a row in the wrong view.
 */
export function useConversationList(filters: InboxFilters): ConversationList {
  const query = listQuery(filters);
  const [state, setState] = useState<{ query: string; status: ConversationList['status']; error: unknown; rows: ConversationSummary[]; next: string | null; cappedAt: number | null }>(
    { query, status: 'loading', error: undefined, rows: [], next: null, cappedAt: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const shown = useRef(0);
  const refreshTimer = useRef<number | undefined>(undefined);
  shown.current = state.rows.length;

  const fetchWindow = useCallback(async (size: number, initial: boolean) => {
    const mine = ++generation.current;
    if (initial) setState({ query, status: 'loading', error: undefined, rows: [], next: null, cappedAt: null });
    try {
      const page = await listConversations(withPage(query, { limit: size }));
      if (mine !== generation.current) return;
      setState({ query, status: 'ready', error: undefined, rows: page.conversations, next: page.nextCursor, cappedAt: page.searchCappedAt ?? null });
    } catch (error) {
      if (mine !== generation.current) return;
      setState((current) => (initial || current.status !== 'ready' ? { query, status: 'failed', error, rows: [], next: null, cappedAt: null } : current));
    }
  }, [query]);

  useEffect(() => {
    void fetchWindow(PAGE, true);
  }, [fetchWindow]);

  // Throttled, not debounced: under a steady stream of events the list still refreshes, and
  // for the filters of the moment it runs (not those of the moment it was asked for).
  const latestFetch = useRef(fetchWindow);
  latestFetch.current = fetchWindow;
  const refresh = useCallback(() => {
    if (refreshTimer.current !== undefined) return;
    refreshTimer.current = window.setTimeout(() => {
      refreshTimer.current = undefined;
      void latestFetch.current(Math.min(100, Math.max(PAGE, shown.current)), false);
    }, 200);
  }, []);

  useEffect(() => () => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = undefined;
  }, []);

  useRealtimeSignals((signal) => {
    if (signal.type === 'reload' || listEvents.has(signal.type)) refresh();
  });

  // A socket's first hello starts its stream where the server is then: what happened between
  // this list's read and that hello comes neither live nor in a replay. So once connected (and
  // after a reconnection, harmlessly), the pages shown are read again.
  const connection = useRealtime().state;
  const wasConnected = useRef(connection === 'connected');
  useEffect(() => {
    if (connection === 'connected' && !wasConnected.current) refresh();
    wasConnected.current = connection === 'connected';
  }, [connection, refresh]);

  const loadMore = useCallback(() => {
    const cursor = state.next;
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    const mine = generation.current;
    listConversations(withPage(query, { cursor, limit: PAGE }))
      .then((page) => {
        if (mine !== generation.current) return;
        setState((current) => {
          const known = new Set(current.rows.map((row) => row.id));
          return { ...current, rows: [...current.rows, ...page.conversations.filter((row) => !known.has(row.id))], next: page.nextCursor };
        });
      })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  }, [state.next, loadingMore, query]);

  const current = state.query === query;
  return {
    status: current ? state.status : 'loading',
    error: state.error,
    rows: current ? state.rows : [],
    hasMore: current && state.next !== null,
    searchCappedAt: current ? state.cappedAt : null,
    loadingMore,
    loadMore,
    refresh,
  };
}
