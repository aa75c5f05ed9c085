import { useCallback, useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { updateConversation } from '../api/inbox.ts';
import type { Visibility } from '../../../../src/contracts/index.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { useRealtime } from '../realtime/RealtimeProvider.tsx';
import { navigate } from '../router/router.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { ConversationHeader } from './actions/ConversationHeader.tsx';
import { Composer, type ComposerHandle } from './composer/Composer.tsx';
import { ContactPanel } from './contact/ContactPanel.tsx';
import { PresenceBar } from './thread/PresenceBar.tsx';
import { Thread } from './thread/Thread.tsx';
import { useConversation } from './thread/use-conversation.ts';
import { WebchatPanel } from './webchat/WebchatPanel.tsx';
import type { InboxLookups } from './use-inbox-lookups.ts';

export interface PaneHandle {
  focusComposer: (visibility?: Visibility) => void;
  resolve: () => void;
  assignToMe: () => void;
}

interface Props {
  conversationId: string;
  lookups: InboxLookups;
  handle: Ref<PaneHandle>;
  hrefFor: (conversationId: string) => string;
  onChanged: () => void;
}

/** The open conversation: header and actions, who else is here, the thread, the composer, the customer. */
export function ConversationPane({ conversationId, lookups, handle, hrefFor, onChanged }: Props) {
  const i18n = useI18n();
  const me = useMe();
  const { setPresence } = useRealtime();
  const open = useConversation(conversationId);
  const composer = useRef<ComposerHandle>(null);
  const { reload } = open;
  const members = lookups.members;
  const nameOf = useCallback((userId: string) => members.find((m) => m.userId === userId)?.name, [members]);

  const changed = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  useEffect(() => {
    setPresence(conversationId, false);
    return () => setPresence(null, false);
  }, [conversationId, setPresence]);

  useImperativeHandle(handle, () => ({
    focusComposer: (visibility) => composer.current?.focus(visibility),
    resolve: () => void updateConversation(conversationId, { status: 'resolved' }).finally(changed),
    assignToMe: () => void (me.user && updateConversation(conversationId, { assigneeId: me.user.id }).finally(changed)),
  }), [conversationId, changed, me.user]);

  if (open.status === 'loading') return <section className="conversation-pane is-empty"><p className="muted" role="status">{i18n.t('app.loading')}</p></section>;
  if (open.status === 'failed' || !open.conversation) {
    return (
      <section className="conversation-pane is-empty">
        <Alert tone="error">{errorText(open.error, i18n)} <Button variant="ghost" onClick={reload}>{i18n.t('common.retry')}</Button></Alert>
      </section>
    );
  }
  const conversation = open.conversation;
  return (
    <section className="conversation-pane" aria-label={i18n.t('inbox.conversation')} data-testid="conversation" data-id={conversation.id}>
      <div className="thread-column">
        <ConversationHeader conversation={conversation} members={members} labels={lookups.labels} onChanged={changed} onOpen={(id) => navigate(hrefFor(id))} />
        <PresenceBar conversationId={conversation.id} />
        {conversation.surface === 'webchat' && <WebchatPanel conversationId={conversation.id} />}
        <Thread conversation={conversation} messages={open.messages} nameOf={nameOf} onChanged={changed} onPropose={(text) => composer.current?.draft(text, 'private')} />
        <Composer key={conversation.id} conversation={conversation} messages={open.messages} policy={open.policy}
          cannedReplies={lookups.cannedReplies} members={members} nameOf={nameOf} handle={composer} onChanged={changed} onSuggest={lookups.refreshSoon} />
      </div>
      {conversation.contact && <ContactPanel contactId={conversation.contact.id} conversationId={conversation.id} hrefFor={hrefFor} />}
    </section>
  );
}
