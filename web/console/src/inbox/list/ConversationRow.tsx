import type { ConversationSummary } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatClock, formatDuration } from '../../i18n/duration.ts';
import { Avatar } from './Avatar.tsx';
import { rowSentiment } from '../insight/classification.ts';
import { EarlierNegativeMarker, SentimentBadge } from '../insight/SentimentBadge.tsx';
import { ChannelIcon, surfaceOf } from './ChannelIcon.tsx';
import { LabelChip } from './LabelChip.tsx';

interface RowProps {
  conversation: ConversationSummary;
  now: number;
  active: boolean;
  open: boolean;
  onOpen: () => void;
  onFocus: () => void;
}

export function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
}

/** One conversation in the list: who, where, what they said last, how long they have waited. */
export function ConversationRow({ conversation: c, now, active, open, onOpen, onFocus }: RowProps) {
  const { t, locale } = useI18n();
  const surface = surfaceOf(c);
  const name = c.contact?.name ?? t('inbox.unknownContact');
  const last = c.lastMessage;
  const text = last ? firstLine(last.text) || t('inbox.attachmentOnly') : '';
  const mood = rowSentiment(c);
  return (
    <li
      role="option"
      id={`conversation-${c.id}`}
      aria-selected={open}
      tabIndex={active ? 0 : -1}
      className={['conversation-row', active ? 'is-active' : '', open ? 'is-open' : '', c.waitingSince ? 'is-waiting' : ''].filter(Boolean).join(' ')}
      data-testid="conversation-row"
      data-id={c.id}
      onClick={onOpen}
      onFocus={onFocus}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen();
        }
      }}
    >
      <div className="row-top">
        <ChannelIcon surface={surface} label={t(`channel.${surface}`)} />
        <span className="row-name">{name}</span>
        {c.priority >= 2 && <span className={`priority-flag priority-${c.priority}`}>{t(`priority.${c.priority}`)}</span>}
        {c.lastMessageAt !== null && <time className="row-time" dateTime={new Date(c.lastMessageAt).toISOString()}>{formatClock(locale, c.lastMessageAt, now)}</time>}
      </div>
      <p className="row-text" data-testid="row-text">
        {last?.direction === 'out' && <span className="muted">{t('inbox.outPrefix')} </span>}
        {text}
      </p>
      <div className="row-meta">
        {c.waitingSince !== null && (
          <span className="waiting" data-testid="row-waiting">{t('inbox.waitingFor', { duration: formatDuration(locale, now - c.waitingSince) })}</span>
        )}
        {c.dueAt != null && (
          <span className={`due ${c.dueAt < now ? 'is-late' : c.slaState === 'due_soon' ? 'is-soon' : ''}`} data-testid="row-due">
            {c.dueAt < now ? t('inbox.overdueBy', { duration: formatDuration(locale, now - c.dueAt) }) : t('inbox.dueIn', { duration: formatDuration(locale, c.dueAt - now) })}
          </span>
        )}
        {c.status === 'snoozed' && c.snoozedUntil !== null && <span className="muted">{t('inbox.snoozedUntil', { when: formatClock(locale, c.snoozedUntil, now) })}</span>}
        {c.labels.map((label) => <LabelChip key={label.id} label={label} />)}
        <span className="row-spacer" />
        {mood.earlierNegative && <EarlierNegativeMarker />}
        {mood.latest && <SentimentBadge sentiment={mood.latest} compact={mood.latest === 'neutral'} testId="row-sentiment" />}
        {c.assignee && <Avatar name={c.assignee.name} label={t('inbox.assignedTo', { name: c.assignee.name })} />}
      </div>
    </li>
  );
}
