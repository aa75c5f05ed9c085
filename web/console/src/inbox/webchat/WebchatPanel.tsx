import { useCallback, useEffect, useState } from 'react';
import { getWebchatVisitor } from '../../api/webchat.ts';
import { useI18n } from '../../i18n/index.ts';
import { useRealtime, useRealtimeSignals } from '../../realtime/RealtimeProvider.tsx';
import { useResource } from '../../ui/use-resource.ts';
import './webchat.css';

/**
 * A site-chat conversation's visitor: whether the shop vouched for who they say they are
 * (signed identify), whether they are typing, and when they last read the team's messages.
 */
export function WebchatPanel({ conversationId }: { conversationId: string }) {
  const { t, locale } = useI18n();
  const time = (at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  const { subscribeVisitor } = useRealtime();
  const load = useCallback(() => getWebchatVisitor(conversationId), [conversationId]);
  const [info, reload] = useResource(load);
  const [typing, setTyping] = useState(false);
  const [readAt, setReadAt] = useState<number | null>(null);

  useEffect(() => {
    setTyping(false);
    setReadAt(null);
    return subscribeVisitor((signal) => {
      if (signal.conversationId !== conversationId) return;
      if (signal.typing !== undefined) setTyping(signal.typing);
      if (signal.readAt !== undefined) setReadAt(signal.readAt);
    });
  }, [conversationId, subscribeVisitor]);
  useRealtimeSignals((signal) => {
    // A message elsewhere in the workspace changes nothing here (a visitor's email comes with theirs).
    const ofThis = signal.type === 'message.created' && (signal.data as { conversationId?: string } | null)?.conversationId === conversationId;
    if (signal.type === 'reload' || signal.type === 'contact.updated' || ofThis) void reload();
  });

  if (info.state !== 'ready' || !info.data.visitor) return null;
  const visitor = info.data.visitor;
  const lastRead = readAt ?? visitor.visitorReadAt;
  return (
    <div className="webchat-panel" data-testid="webchat-panel">
      <span className={`webchat-badge webchat-${visitor.identityStatus}`} data-testid="webchat-identity" data-status={visitor.identityStatus}>
        {t(`webchat.${visitor.identityStatus}`)}
      </span>
      {visitor.email && <span className="webchat-fact" data-testid="webchat-email">{visitor.email}</span>}
      {visitor.customerId && <span className="webchat-fact">{t('webchat.customerId', { id: visitor.customerId })}</span>}
      <span className="webchat-fact muted" data-testid="visitor-read">{lastRead ? t('webchat.readAt', { time: time(lastRead) }) : t('webchat.notRead')}</span>
      {typing && <span className="webchat-typing" role="status" data-testid="visitor-typing">{t('webchat.typing')}</span>}
    </div>
  );
}
