import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Channel, Label } from '../../../../../src/contracts/index.ts';
import type { Member } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { sentiments } from '../insight/classification.ts';
import type { InboxFilters } from './filters.ts';

interface Props {
  filters: InboxFilters;
  channels: Channel[];
  labels: Label[];
  members: Member[];
  myUserId: string | undefined;
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (next: InboxFilters) => void;
}

const SEARCH_DEBOUNCE_MS = 300;

/** Search (debounced) and the five filters; every change lands in the URL. */
export function ListFilters({ filters, channels, labels, members, myUserId, searchRef, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(filters.q ?? '');
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };

  // Back/forward or a view change brings its own search.
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  useEffect(() => {
    if ((latest.current.filters.q ?? '') === text.trim()) return;
    const timer = window.setTimeout(() => latest.current.onChange({ ...latest.current.filters, q: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const set = (key: keyof Omit<InboxFilters, 'view' | 'q'>, value: string) => onChange({ ...filters, [key]: value || undefined });

  return (
    <div className="list-filters" role="search">
      <label htmlFor={`${id}-q`} className="visually-hidden">{t('inbox.search')}</label>
      <input
        ref={searchRef}
        id={`${id}-q`}
        type="search"
        className="search-input"
        placeholder={t('inbox.searchPlaceholder')}
        value={text}
        data-testid="inbox-search"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      <div className="filter-grid">
        <select aria-label={t('inbox.filter.channel')} value={filters.channel ?? ''} onChange={(e) => set('channel', e.target.value)} data-testid="filter-channel">
          <option value="">{t('inbox.filter.allChannels')}</option>
          {channels.map((channel) => <option key={channel.id} value={channel.id}>{channel.name}</option>)}
        </select>
        <select aria-label={t('inbox.filter.kind')} value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value)} data-testid="filter-kind">
          <option value="">{t('inbox.filter.allKinds')}</option>
          <option value="public">{t('inbox.filter.public')}</option>
          <option value="private">{t('inbox.filter.private')}</option>
        </select>
        <select aria-label={t('inbox.filter.label')} value={filters.label ?? ''} onChange={(e) => set('label', e.target.value)} data-testid="filter-label">
          <option value="">{t('inbox.filter.allLabels')}</option>
          {labels.map((label) => <option key={label.id} value={label.id}>{label.name}</option>)}
        </select>
        <select aria-label={t('inbox.filter.assignee')} value={filters.assignee ?? ''} onChange={(e) => set('assignee', e.target.value)} data-testid="filter-assignee">
          <option value="">{t('inbox.filter.anyone')}</option>
          <option value="none">{t('inbox.filter.nobody')}</option>
          {myUserId && <option value={myUserId}>{t('inbox.filter.me')}</option>}
          {members.filter((m) => m.userId !== myUserId).map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
        <select aria-label={t('inbox.filter.sentiment')} value={filters.sentiment ?? ''} onChange={(e) => set('sentiment', e.target.value)} data-testid="filter-sentiment">
          <option value="">{t('inbox.filter.anySentiment')}</option>
          {sentiments.map((s) => <option key={s} value={s}>{t(`inbox.filter.${s}`)}</option>)}
        </select>
        <select aria-label={t('inbox.sort')} value={filters.sort ?? ''} onChange={(e) => set('sort', e.target.value)} data-testid="list-sort">
          <option value="">{t('inbox.sort.recent')}</option>
          <option value="due">{t('inbox.sort.due')}</option>
        </select>
      </div>
    </div>
  );
}
