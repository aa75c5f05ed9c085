import type { Sentiment } from '../../../../../src/contracts/index.ts';
import { isSentiment } from '../insight/classification.ts';
import { inboxViews, type InboxView } from '../views.ts';

/**
 * What the list shows, kept in the URL so a reload, a shared link or the back button gives
 * the same list: `/inbox?view=open&channel=…&kind=private&label=…&assignee=…&sentiment=negative&q=…&c=<open id>`.
 */
export interface InboxFilters {
  view: InboxView;
  channel?: string | undefined;
  kind?: 'public' | 'private' | undefined;
  label?: string | undefined;
  /** A user id, or `none` for unassigned. */
  assignee?: string | undefined;
  /** Of the latest customer message (the API's `?sentiment=`). */
  sentiment?: Sentiment | undefined;
  q?: string | undefined;
  /** `due`: the soonest reply due first (the API's `?sort=due`); absent: newest activity first. */
  sort?: 'due' | undefined;
}

/** The console says "waiting"; the API calls the same view `pending`. */
const apiViews: Record<InboxView, string> = {
  mine: 'mine', unassigned: 'unassigned', open: 'open', waiting: 'pending', snoozed: 'snoozed', resolved: 'resolved',
};

const clean = (value: string | null): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

export function parseFilters(search: string): InboxFilters {
  const params = new URLSearchParams(search);
  const view = inboxViews.find((v) => v.id === params.get('view'))?.id ?? 'mine';
  const kind = params.get('kind');
  const sentiment = params.get('sentiment');
  return {
    view,
    channel: clean(params.get('channel')),
    kind: kind === 'public' || kind === 'private' ? kind : undefined,
    label: clean(params.get('label')),
    assignee: clean(params.get('assignee')),
    sentiment: isSentiment(sentiment) ? sentiment : undefined,
    q: clean(params.get('q')),
    sort: params.get('sort') === 'due' ? 'due' : undefined,
  };
}

function filterParams(filters: InboxFilters): [string, string][] {
  const pairs: [string, string | undefined][] = [
    ['channel', filters.channel], ['kind', filters.kind], ['label', filters.label], ['assignee', filters.assignee],
    ['sentiment', filters.sentiment], ['q', filters.q?.trim()], ['sort', filters.sort],
  ];
  return pairs.filter((pair): pair is [string, string] => Boolean(pair[1]));
}

/** The console URL for these filters; the default view is left out so `/inbox` stays short. */
export function inboxHref(filters: InboxFilters, conversationId?: string): string {
  const params = new URLSearchParams();
  if (filters.view !== 'mine') params.set('view', filters.view);
  for (const [key, value] of filterParams(filters)) params.set(key, value);
  if (conversationId) params.set('c', conversationId);
  const query = params.toString();
  return query ? `/inbox?${query}` : '/inbox';
}

/** The query string for `GET /api/v1/conversations`, without the `?`. */
export function listQuery(filters: InboxFilters, page: { cursor?: string | null; limit?: number } = {}): string {
  const params = new URLSearchParams({ view: apiViews[filters.view] });
  for (const [key, value] of filterParams(filters)) params.set(key, value);
  if (page.cursor) params.set('cursor', page.cursor);
  if (page.limit) params.set('limit', String(page.limit));
  return params.toString();
}

export function openConversationId(search: string): string | undefined {
  return clean(new URLSearchParams(search).get('c'));
}

/** How many filters beyond the view are set, for the "filters (2)" hint. */
export function activeFilterCount(filters: InboxFilters): number {
  return filterParams(filters).filter(([key]) => key !== 'q' && key !== 'sort').length;
}
