import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/index.ts';
import { addDays, wallClock } from './calendar-dates.ts';
import type { CalendarPost, PublishNetwork } from './types.ts';

const DRAG_TYPE = 'application/x-relais-post';
/** Posts that can still move: not yet out, not being published. */
export const MOVABLE = new Set(['draft', 'pending_approval', 'scheduled', 'failed']);

interface Props {
  days: string[];
  /** The month shown, to dim the days of the weeks around it; null in the week view. */
  month: string | null;
  posts: CalendarPost[];
  timezone: string;
  rhythm: Record<PublishNetwork, number> | null;
  today: string;
  onOpen: (postId: string) => void;
  onMove: (post: CalendarPost, day: string) => void;
}

/**
 * The month or week as day cells holding the posts by time. A post is moved by dragging it
 * onto another day (it keeps its time of day) or, focused, with Shift + ←/→ (a day) and
 * Shift + ↑/↓ (a week). A day over the coach's rhythm on a network says so.
 */
export function CalendarGrid({ days, month, posts, timezone, rhythm, today, onOpen, onMove }: Props) {
  const { t } = useI18n();
  const [over, setOver] = useState<string | null>(null);
  const byDay = new Map<string, CalendarPost[]>();
  for (const post of posts) {
    if (post.scheduledAt === null) continue;
    const { day } = wallClock(post.scheduledAt, timezone);
    byDay.set(day, [...(byDay.get(day) ?? []), post]);
  }
  const byId = new Map(posts.map((p) => [p.id, p]));

  const drop = (event: DragEvent, day: string) => {
    event.preventDefault();
    setOver(null);
    const post = byId.get(event.dataTransfer.getData(DRAG_TYPE));
    if (post) onMove(post, day);
  };
  const keyMove = (event: KeyboardEvent, post: CalendarPost, day: string) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(post.id);
      return;
    }
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (!event.shiftKey || !(event.key in steps) || !MOVABLE.has(post.status)) return;
    event.preventDefault();
    const index = days.indexOf(day) + steps[event.key]!;
    const target = days[index] ?? addDays(day, steps[event.key]!);
    onMove(post, target);
  };

  return (
    <div className={month ? 'pub-grid pub-grid-month' : 'pub-grid pub-grid-week'} role="grid" data-testid="pub-grid">
      <div className="pub-grid-head" role="row">
        {Array.from({ length: 7 }, (_, i) => <div key={i} role="columnheader">{t(`weekday.${i}` as 'weekday.0')}</div>)}
      </div>
      <div className="pub-grid-body">
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          const counts = new Map<PublishNetwork, number>();
          for (const post of list) if (post.status !== 'failed') for (const v of post.versions) counts.set(v.network, (counts.get(v.network) ?? 0) + 1);
          const overRhythm = rhythm ? [...counts].filter(([network, n]) => n > rhythm[network]) : [];
          const classes = ['pub-day', day === today ? 'pub-today' : '', month && !day.startsWith(month) ? 'pub-day-other' : '', over === day ? 'pub-day-over' : ''].filter(Boolean).join(' ');
          return (
            <div key={day} role="gridcell" className={classes} data-day={day} data-testid="pub-day" aria-label={day}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setOver(day);
              }}
              onDragLeave={() => setOver((current) => (current === day ? null : current))}
              onDrop={(event) => drop(event, day)}>
              <span className="pub-day-number">{Number(day.slice(8, 10))}</span>
              {overRhythm.map(([network, n]) => (
                <span key={network} className="pub-day-warning" data-testid="pub-day-warning" title={t('coach.dayOver', { network: t(`network.${network}`), count: n, target: rhythm![network] })}>
                  ⚠ {t('coach.dayOver', { network: t(`network.${network}`), count: n, target: rhythm![network] })}
                </span>
              ))}
              {list.map((post) => (
                <PostChip key={post.id} post={post} timezone={timezone} onOpen={onOpen} onKeyDown={(event) => keyMove(event, post, day)} />
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** One post in a day: its time, networks and the start of its text; draggable while it can move. */
export function PostChip({ post, timezone, onOpen, onKeyDown }: { post: CalendarPost; timezone: string; onOpen: (id: string) => void; onKeyDown?: (event: KeyboardEvent) => void }) {
  const { t } = useI18n();
  const movable = MOVABLE.has(post.status);
  const time = post.scheduledAt === null ? t('pub.noTime') : wallClock(post.scheduledAt, timezone).time;
  return (
    <button type="button" className={`pub-chip pub-status-${post.status}`} draggable={movable} data-testid="pub-chip" data-post={post.id} data-status={post.status}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, post.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onOpen(post.id)} onKeyDown={onKeyDown}
      title={`${t(`status.${post.status}`)} · ${post.versions.map((v) => t(`network.${v.network}`)).join(', ')}`}>
      <span className="pub-chip-time">{time}</span>
      <span className="pub-chip-nets">{post.versions.map((v) => <span key={v.network} className={`pub-net pub-net-${v.network} pub-status-${v.status}`}>{v.network === 'instagram' ? 'IG' : v.network[0]!.toUpperCase()}</span>)}</span>
      <span className="pub-chip-text">{post.excerpt}</span>
      <span className="visually-hidden" data-testid="pub-chip-status">{t(`status.${post.status}`)}</span>
    </button>
  );
}
