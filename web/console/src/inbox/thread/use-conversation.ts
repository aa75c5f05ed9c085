import { useCallback, useEffect, useRef, useState } from 'react';
import { getConversation, getPolicy } from '../../api/inbox.ts';
import type { ComposerPolicy, ConversationDetail, Message } from '../../../../../src/contracts/index.ts';
import { useRealtimeSignals } from '../../realtime/RealtimeProvider.tsx';

export interface OpenConversation {
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  conversation: ConversationDetail | undefined;
  messages: Message[];
  /** Undefined while loading or when the server cannot say: the composer then offers notes only. */
  policy: ComposerPolicy | undefined;
  reload: () => void;
}

const threadEvents = new Set(['message.created', 'message.updated', 'outbound.updated', 'conversation.updated']);

function conversationIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const id = (data as { conversationId?: unknown }).conversationId;
  return typeof id === 'string' ? id : undefined;
}

/** The open conversation with its thread and send policy, refetched when an event names it. */
export function useConversation(conversationId: string): OpenConversation {
  const [state, setState] = useState<Omit<OpenConversation, 'reload'>>({ status: 'loading', error: undefined, conversation: undefined, messages: [], policy: undefined });
  const generation = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const [detail, policy] = await Promise.all([getConversation(conversationId), getPolicy(conversationId).catch(() => undefined)]);
      if (mine !== generation.current) return;
      setState({ status: 'ready', error: undefined, conversation: detail.conversation, messages: detail.messages, policy });
    } catch (error) {
      if (mine !== generation.current) return;
      // A failed refresh keeps what is on screen; only a first load shows the error.
      setState((current) => (current.status === 'ready' ? current : { ...current, status: 'failed', error }));
    }
  }, [conversationId]);

  // Throttled, so a busy thread still refreshes while events keep coming.
  const reload = useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void load();
    }, 100);
  }, [load]);

  useEffect(() => {
    void load();
    return () => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [load]);

  useRealtimeSignals((signal) => {
    if (signal.type === 'reload') return reload();
    if ('data' in signal && threadEvents.has(signal.type) && conversationIdOf(signal.data) === conversationId) reload();
  });

  return { ...state, reload };
}
