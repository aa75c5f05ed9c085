import { useCallback, useEffect, useRef, useState } from 'react';
import { getViewCounts, type ViewCounts } from '../../api/inbox.ts';
import { useRealtimeSignals } from '../../realtime/RealtimeProvider.tsx';

const countedEvents = new Set(['conversation.created', 'conversation.updated', 'conversation.assigned', 'message.created']);

/**
 * Counts beside every view, kept fresh by the realtime events (coalesced, at most one read a
 * second), so work arriving in another view is seen without opening it.
 */
export function useViewCounts(): ViewCounts | undefined {
  const [counts, setCounts] = useState<ViewCounts>();
  const timer = useRef<number | undefined>(undefined);
  const load = useCallback(() => { getViewCounts().then((r) => setCounts(r.counts)).catch(() => undefined); }, []);
  useEffect(() => {
    load();
    return () => window.clearTimeout(timer.current);
  }, [load]);
  useRealtimeSignals((signal) => {
    if (signal.type !== 'reload' && !countedEvents.has(signal.type)) return;
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      load();
    }, 1000);
  });
  return counts;
}
