import type { Message } from '../../../../../src/contracts/index.ts';
import type { MessageAction } from '../../api/inbox.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { formatClock } from '../../i18n/duration.ts';
import { isClassifiable } from '../insight/classification.ts';
import { MessageInsight } from '../insight/MessageInsight.tsx';
import { Attachments } from './Attachments.tsx';
import { DeliveryState } from './DeliveryState.tsx';
import { ModerationInfo } from './ModerationInfo.tsx';
import { ProposedReply, RuleTrail } from './RuleTrail.tsx';

interface Props {
  message: Message;
  contactName: string | null;
  nameOf: (userId: string) => string | undefined;
  onModerate: (message: Message, action: MessageAction) => void;
  onChanged: () => void;
  onPropose?: ((text: string) => void) | undefined;
}

function variantOf(message: Message): { className: string; tag: MessageKey | undefined } {
  if (message.kind === 'note') return { className: 'msg-note', tag: 'thread.note' };
  if (message.direction === 'in') return { className: 'msg-in', tag: undefined };
  return message.kind === 'comment' ? { className: 'msg-out msg-public', tag: 'thread.publicReply' } : { className: 'msg-out msg-private', tag: 'thread.privateMessage' };
}

/** One message: the customer's, ours (public or private), or an internal note, with its states. */
export function MessageItem({ message: m, contactName, nameOf, onModerate, onChanged, onPropose }: Props) {
  const { t, locale } = useI18n();
  const { className, tag } = variantOf(m);
  const author = m.authorName
    ?? (m.authorType === 'contact' ? contactName : m.authorType === 'user' && m.authorId ? nameOf(m.authorId) : undefined)
    ?? t(`thread.author.${m.authorType}`);
  const comment = m.kind === 'comment' && m.direction === 'in';
  const pendingModeration = m.delivery.filter((d) => d.action !== 'message' && d.state !== 'sent' && ['hide', 'unhide', 'delete', 'like'].includes(d.action));
  const replies = m.direction === 'out' && m.kind !== 'note' ? m.delivery : pendingModeration;

  return (
    <li className={`msg ${className} msg-${m.status}`} data-testid="message" data-kind={m.kind} data-direction={m.direction} data-status={m.status} data-id={m.id}>
      <div className="msg-head">
        {tag && <span className="msg-tag">{t(tag)}</span>}
        <span className="msg-author">{author}</span>
        <time className="msg-time" dateTime={new Date(m.at).toISOString()}>{formatClock(locale, m.at)}</time>
        {m.editedAt !== null && <span className="muted">· {t('thread.edited')}</span>}
        {m.status !== 'visible' && <span className={`status-pill status-${m.status}`}>{t(`thread.status.${m.status}`)}</span>}
      </div>
      {/* Customer text is data: React renders it as text, never as HTML. */}
      <p className="msg-text">{recoveryNote(m, t) ?? m.text}</p>
      <Attachments attachments={m.attachments} />
      {isClassifiable(m) && m.status !== 'deleted' && <MessageInsight message={m} onChanged={onChanged} />}
      <ModerationInfo entries={m.moderation} nameOf={nameOf} />
      <RuleTrail meta={m.meta} />
      {comment && onPropose && <ProposedReply meta={m.meta} onUse={onPropose} />}
      {replies.length > 0 && (
        <div className="msg-deliveries">
          {replies.map((delivery) => <DeliveryState key={delivery.outboundId} delivery={delivery} onRetried={onChanged} />)}
        </div>
      )}
      {comment && m.status !== 'deleted' && (
        <div className="msg-actions" role="group" aria-label={t('thread.commentActions')}>
          {m.status === 'visible'
            ? <button type="button" className="link-button" onClick={() => onModerate(m, 'hide')} data-testid="action-hide">{t('thread.hide')}</button>
            : <button type="button" className="link-button" onClick={() => onModerate(m, 'unhide')} data-testid="action-unhide">{t('thread.unhide')}</button>}
          <button type="button" className="link-button" onClick={() => onModerate(m, 'delete')} data-testid="action-delete">{t('thread.delete')}</button>
          <button type="button" className="link-button" onClick={() => onModerate(m, 'like')} data-testid="action-like">{t('thread.like')}</button>
        </div>
      )}
    </li>
  );
}

const recoveryReasons = ['sent', 'disabled', 'ordered', 'already_sent', 'opted_out', 'no_channel', 'window_closed', 'quiet_hours'] as const;

/** A cart-recovery decision noted by Relais, in the agent's language rather than the workspace's. */
function recoveryNote(m: Message, t: ReturnType<typeof useI18n>['t']): string | undefined {
  if (m.meta.system !== 'recovery') return undefined;
  const reason = recoveryReasons.find((r) => r === m.meta.reason);
  if (!reason) return undefined;
  const code = typeof m.meta.promoCode === 'string' ? ` (${t('recovery.note.code', { code: m.meta.promoCode })})` : '';
  return `${t(`recovery.note.${reason}`)}${code}`;
}
