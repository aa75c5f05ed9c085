import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { moderateMessage, type MessageAction } from '../../api/inbox.ts';
import type { ConversationDetail, Message } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { errorText } from '../../ui/error-text.ts';
import { MessageItem } from './MessageItem.tsx';
import { ModerateDialog, type ModerationRequest } from './ModerateDialog.tsx';
import { safeHttpUrl } from './safe-url.ts';

interface Props {
  conversation: ConversationDetail;
  messages: Message[];
  nameOf: (userId: string) => string | undefined;
  onChanged: () => void;
  /** Fills the composer's private reply with a proposed text. */
  onPropose?: ((text: string) => void) | undefined;
}

/** The post (for a comment thread) and the messages, oldest first, kept scrolled to the newest. */
export function Thread({ conversation, messages, nameOf, onChanged, onPropose }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [request, setRequest] = useState<ModerationRequest>();
  const [failure, setFailure] = useState<unknown>();

  // New messages scroll into view unless the agent has scrolled up to read.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  }, [messages]);
  useEffect(() => setFailure(undefined), [conversation.id]);

  const moderate = (message: Message, action: MessageAction) => {
    if (action !== 'like') return setRequest({ message, action });
    setFailure(undefined);
    moderateMessage(message.id, 'like').then(onChanged, setFailure);
  };

  const permalink = safeHttpUrl(conversation.post?.permalink);
  return (
    <div className="thread-scroll" ref={scroller} onScroll={(e) => { const el = e.currentTarget; stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80; }}>
      {conversation.post && (
        <article className="post-card" data-testid="post">
          <h3 className="post-title">{t('thread.post')}</h3>
          {conversation.post.text && <p className="post-text">{conversation.post.text}</p>}
          <div className="post-meta">
            {permalink && <a href={permalink} target="_blank" rel="noopener noreferrer" data-testid="post-link">{t('thread.openPost')}</a>}
            {conversation.post.reactions && Object.entries(conversation.post.reactions).map(([kind, count]) => (
              <span key={kind} className="tag">{kind.toLowerCase()} {count}</span>
            ))}
          </div>
        </article>
      )}
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      <ol className="thread" aria-label={t('thread.messages')} data-testid="thread">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} contactName={conversation.contact?.name ?? null} nameOf={nameOf} onModerate={moderate} onChanged={onChanged} onPropose={onPropose} />
        ))}
      </ol>
      <ModerateDialog request={request} onClose={() => setRequest(undefined)} onDone={onChanged} />
    </div>
  );
}
