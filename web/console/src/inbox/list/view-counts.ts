import type { ViewCounts } from '../../api/inbox.ts';
import type { InboxView } from '../views.ts';

/** The console's view → the count the API gives for it; resolved is not counted. */
export function countFor(counts: ViewCounts | undefined, view: InboxView): number | undefined {
  if (!counts || view === 'resolved') return undefined;
  return view === 'waiting' ? counts.pending : counts[view];
}

/**
 * Where an owner or admin lands when they open the inbox without choosing a view: their own
 * conversations if they have some, else the unassigned ones if any wait, else all open ones.
 */
export function landingView(counts: ViewCounts): InboxView {
  if (counts.mine > 0) return 'mine';
  if (counts.unassigned > 0) return 'unassigned';
  return counts.open > 0 ? 'open' : 'mine';
}
