import { describe, expect, it } from 'vitest';
import { activeFilterCount, inboxHref, listQuery, openConversationId, parseFilters } from './filters.ts';

describe('inbox list filters', () => {
  it('reads the view and filters from the URL, ignoring unknown or empty values', () => {
    expect(parseFilters('view=open&channel=ch_1&kind=private&label=lb_2&assignee=none&q=%20colis%20')).toEqual({
      view: 'open', channel: 'ch_1', kind: 'private', label: 'lb_2', assignee: 'none', q: 'colis',
    });
    expect(parseFilters('view=everything&kind=secret&channel=')).toEqual({
      view: 'mine', channel: undefined, kind: undefined, label: undefined, assignee: undefined, sentiment: undefined, q: undefined,
    });
  });

  it('round-trips the sentiment filter between the console URL and the API query', () => {
    const filters = parseFilters('view=open&sentiment=negative');
    expect(filters.sentiment).toBe('negative');
    expect(listQuery(filters)).toBe('view=open&sentiment=negative');
    expect(inboxHref(filters, 'cv_1')).toBe('/inbox?view=open&sentiment=negative&c=cv_1');
    expect(parseFilters(inboxHref({ view: 'mine', sentiment: 'positive' }).split('?')[1] ?? '')).toMatchObject({ view: 'mine', sentiment: 'positive' });
    expect(parseFilters('sentiment=furious').sentiment).toBeUndefined();
    expect(listQuery(parseFilters('sentiment=angry'))).toBe('view=mine');
    expect(activeFilterCount(filters)).toBe(1);
  });

  it('asks the API for the pending view when the console shows "waiting on customer"', () => {
    expect(listQuery(parseFilters('view=waiting'))).toBe('view=pending');
    expect(listQuery(parseFilters(''))).toBe('view=mine');
  });

  it('sends every filter, the cursor and the page size to the API', () => {
    const query = new URLSearchParams(listQuery(parseFilters('view=unassigned&channel=ch_1&kind=public&label=lb_2&q=été 2024'), { cursor: 'abc', limit: 30 }));
    expect(Object.fromEntries(query)).toEqual({ view: 'unassigned', channel: 'ch_1', kind: 'public', label: 'lb_2', q: 'été 2024', cursor: 'abc', limit: '30' });
  });

  it('builds console links that round-trip, with the open conversation', () => {
    const filters = parseFilters('view=resolved&assignee=u_1&q=remboursement');
    const href = inboxHref(filters, 'cv_9');
    expect(href).toBe('/inbox?view=resolved&assignee=u_1&q=remboursement&c=cv_9');
    const search = href.split('?')[1] ?? '';
    expect(parseFilters(search)).toEqual(filters);
    expect(openConversationId(search)).toBe('cv_9');
    expect(inboxHref(parseFilters(''))).toBe('/inbox');
  });

  it('counts the filters set beside the view and the search', () => {
    expect(activeFilterCount(parseFilters('view=open&q=x'))).toBe(0);
    expect(activeFilterCount(parseFilters('channel=a&kind=public&label=b&assignee=none'))).toBe(4);
  });

  it('keeps the sort by due time in the URL and asks the API for it, without counting it as a filter', () => {
    const filters = parseFilters('view=unassigned&sort=due');
    expect(filters.sort).toBe('due');
    expect(listQuery(filters)).toBe('view=unassigned&sort=due');
    expect(inboxHref(filters)).toBe('/inbox?view=unassigned&sort=due');
    expect(activeFilterCount(filters)).toBe(0);
    expect(parseFilters('sort=soonest').sort).toBeUndefined();
  });
});
