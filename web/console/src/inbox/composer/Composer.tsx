import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { ApiError } from '../../api/client.ts';
import { sendMessage } from '../../api/inbox.ts';
import type { CannedReply, ComposerPolicy, ConversationDetail, Message, Visibility } from '../../../../../src/contracts/index.ts';
import type { Member } from '../../../../../src/contracts/index.ts';
import { useMe } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useRealtime } from '../../realtime/RealtimeProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { useNow } from '../use-now.ts';
import { fillTemplate, holesIn } from './canned.ts';
import { CollisionWarning, ComposerError } from './ComposerAlerts.tsx';
import { surfaceOf } from '../list/ChannelIcon.tsx';
import { canSend, charactersLeft, composerTabs, countsOnServer, defaultTab, policyLines } from './composer-rules.ts';
import { repliesSince } from './collision.ts';
import { newIdempotencyKey } from './idempotency.ts';
import { extractMentions } from './mentions.ts';
import { PolicyNotice } from './PolicyNotice.tsx';
import { SuggestionPopover } from './SuggestionPopover.tsx';
import { suggestionAt } from './suggest.ts';
import { replaceRange } from './text-tokens.ts';
import { usePlatformCount } from './use-platform-count.ts';
import { useVoiceWarnings } from './use-voice-warnings.ts';
import { VoiceWarnings } from './VoiceWarnings.tsx';
import { useShopVariables } from '../contact/use-shop-variables.ts';

export interface ComposerHandle {
  focus: (visibility?: Visibility) => void;
  /** Puts `text` in the draft of `visibility` (the charter's proposed private reply), ready to edit. */
  draft: (text: string, visibility: Visibility) => void;
}

interface Props {
  conversation: ConversationDetail;
  messages: Message[];
  policy: ComposerPolicy | undefined;
  cannedReplies: CannedReply[];
  members: Member[];
  nameOf: (userId: string) => string | undefined;
  handle: Ref<ComposerHandle>;
  onChanged: () => void;
  /** A popover opened: the lists it shows may be stale (a teammate joined, a reply was added). */
  onSuggest: () => void;
}

/** Public reply, private reply or internal note, with the send policy shown before sending. */
export function Composer({ conversation, messages, policy, cannedReplies, members, nameOf, handle, onChanged, onSuggest }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const realtime = useRealtime();
  const now = useNow(60_000);
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const tabs = composerTabs(conversation.kind, policy);
  const [chosen, setChosen] = useState<Visibility>();
  const visibility = chosen && tabs.some((tab) => tab.visibility === chosen) ? chosen : defaultTab(tabs);
  const tab = tabs.find((candidate) => candidate.visibility === visibility);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number>();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [collision, setCollision] = useState<string[]>();
  const [holes, setHoles] = useState<string[]>([]);
  const key = useRef(newIdempotencyKey());
  const seen = useRef<Set<string> | null>(null);
  const busy = useRef(false);
  const typingTimer = useRef<number | undefined>(undefined);
  const surface = surfaceOf(conversation);
  const counted = usePlatformCount(conversation.id, visibility, text, countsOnServer(surface));
  const voiceWarnings = useVoiceWarnings(visibility, text);

  useImperativeHandle(handle, () => ({
    focus: (wanted) => {
      if (wanted && tabs.some((candidate) => candidate.visibility === wanted)) setChosen(wanted);
      area.current?.focus();
    },
    draft: (next, wanted) => {
      if (tabs.some((candidate) => candidate.visibility === wanted)) setChosen(wanted);
      edit(next, next.length);
      requestAnimationFrame(() => area.current?.focus());
    },
  }), [tabs, messages]);
  useEffect(() => () => window.clearTimeout(typingTimer.current), []);

  const suggestion = suggestionAt(text, caret, visibility === 'note', cannedReplies, members);
  const shown = suggestion && suggestion.token.start !== dismissed ? suggestion : undefined;
  const suggesting = shown !== undefined;
  useEffect(() => {
    if (suggesting) onSuggest();
  }, [suggesting, onSuggest]);
  const shopVariables = useShopVariables(conversation.contact?.id);
  const context = { contactName: conversation.contact?.name ?? null, agentName: me.user?.name ?? null, workspaceName: me.workspace.name, ...shopVariables };

  const typing = (on: boolean) => {
    window.clearTimeout(typingTimer.current);
    realtime.setPresence(conversation.id, on);
    if (on) typingTimer.current = window.setTimeout(() => realtime.setPresence(conversation.id, false), 3000);
  };

  const edit = (next: string, nextCaret: number) => {
    // The thread as it stood when the draft began: anything newer from others is a collision.
    if (!seen.current && next.trim()) seen.current = new Set(messages.map((m) => m.id));
    if (!next.trim()) seen.current = null;
    setText(next);
    setCaret(nextCaret);
    setActive(0);
    setCollision(undefined);
    setHoles([]);
    typing(next.trim() !== '');
  };

  const pick = (item: CannedReply | Member) => {
    if (!shown) return;
    let insertion = 'body' in item ? undefined : `@${item.name} `;
    if ('body' in item) {
      const filled = fillTemplate(item.body, context);
      // An order or a cart the conversation does not have would leave a hole in the sentence.
      const missingOrder = holesIn(filled.missing);
      setHoles(missingOrder);
      if (missingOrder.length > 0) return;
      insertion = filled.text;
    }
    const result = replaceRange(text, shown.token.start, shown.token.end, insertion ?? '');
    edit(result.text, result.caret);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(result.caret, result.caret);
    });
  };

  const send = async (anyway = false) => {
    if (busy.current || !canSend(text, tab, counted)) return;
    const others = seen.current ? repliesSince(messages, seen.current, me.user?.id, nameOf) : [];
    if (others.length > 0 && !anyway) return setCollision(others);
    busy.current = true;
    setSending(true);
    setFailure(undefined);
    setCollision(undefined);
    try {
      const mentions = visibility === 'note' ? extractMentions(text, members) : [];
      await sendMessage(conversation.id, { text: text.trim(), visibility, idempotencyKey: key.current, ...(mentions.length > 0 ? { mentions } : {}) });
      setText('');
      setCaret(0);
      key.current = newIdempotencyKey();
      seen.current = null;
      typing(false);
    } catch (error) {
      setFailure(error);
      // A 4xx created nothing: an edited retry is a new draft. A timeout may have, so it keeps its key.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) key.current = newIdempotencyKey();
    } finally {
      busy.current = false;
      setSending(false);
      onChanged();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (shown && shown.items.length > 0) {
      const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (move) {
        event.preventDefault();
        return setActive((active + move + shown.items.length) % shown.items.length);
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        const item = shown.items[Math.min(active, shown.items.length - 1)];
        return item && pick(item);
      }
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (shown) return setDismissed(shown.token.start);
      return event.currentTarget.blur();
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const left = visibility === 'note' ? undefined : charactersLeft(text, tab?.policy ?? null, counted);
  const popoverId = `${id}-suggestions`;
  return (
    <div className={`composer composer-${visibility}`} data-testid="composer" data-visibility={visibility}>
      <div role="tablist" aria-label={t('composer.mode')} className="composer-tabs">
        {tabs.map((candidate) => (
          <button key={candidate.visibility} type="button" role="tab" aria-selected={candidate.visibility === visibility} aria-controls={`${id}-text`}
            className="composer-tab" data-testid={`tab-${candidate.visibility}`} onClick={() => { setChosen(candidate.visibility); area.current?.focus(); }}>
            {t(`composer.tab.${candidate.visibility}`)}
          </button>
        ))}
      </div>
      <PolicyNotice lines={policyLines(tab, conversation.kind, now, surface)} charactersLeft={left} />
      {collision && <CollisionWarning names={collision} onSend={() => void send(true)} onReview={() => { seen.current = new Set(messages.map((m) => m.id)); setCollision(undefined); }} />}
      <ComposerError failure={failure} />
      {holes.length > 0 && <p className="field-error" role="alert">{t('composer.cannedNeedsOrder', { names: holes.join(', ') })}</p>}
      <div className="composer-field">
        {shown && <SuggestionPopover id={popoverId} suggestion={shown} active={active} context={context} onPick={pick} onHover={setActive} />}
        <label htmlFor={`${id}-text`} className="visually-hidden">{t(`composer.label.${visibility}`)}</label>
        <textarea
          ref={area} id={`${id}-text`} className="composer-text" rows={3} value={text} data-testid="composer-text"
          placeholder={t(`composer.placeholder.${visibility}`)}
          role="combobox" aria-expanded={Boolean(shown)} aria-controls={shown ? popoverId : undefined} aria-autocomplete="list"
          aria-activedescendant={shown && shown.items.length > 0 ? `${popoverId}-${active}` : undefined}
          onChange={(event) => edit(event.target.value, event.target.selectionStart)}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => typing(false)}
        />
      </div>
      <VoiceWarnings warnings={voiceWarnings} />
      <div className="composer-foot">
        <span className="muted composer-hint">{t('composer.hint')}</span>
        <Button variant="primary" pending={sending} disabled={!canSend(text, tab, counted)} onClick={() => void send()} data-testid="send">
          {t(`composer.send.${visibility}`)}
        </Button>
      </div>
    </div>
  );
}
