import { useState } from 'react';
import { updateConversation } from '../../api/inbox.ts';
import type { ConversationDetail, ConversationPatch, Label, Priority } from '../../../../../src/contracts/index.ts';
import type { Member } from '../../../../../src/contracts/index.ts';
import { useMe } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ChannelIcon, surfaceOf } from '../list/ChannelIcon.tsx';
import { LabelMenu } from './LabelMenu.tsx';
import { MoveToPrivateDialog } from './MoveToPrivateDialog.tsx';
import { SnoozeMenu } from './SnoozeMenu.tsx';

interface Props {
  conversation: ConversationDetail;
  members: Member[];
  labels: Label[];
  onChanged: () => void;
  /** Opens another conversation (the private one after "Passer en privé"). */
  onOpen: (conversationId: string) => void;
}

/** Who the customer is, where, and what can be done: assign, label, snooze, resolve, priority. */
export function ConversationHeader({ conversation: c, members, labels, onChanged, onOpen }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState(false);
  const surface = surfaceOf(c);

  const apply = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await change();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  const patch = (changes: ConversationPatch) => apply(() => updateConversation(c.id, changes));
  const resolved = c.status === 'resolved';

  return (
    <header className="conversation-head">
      <div className="conversation-title">
        <ChannelIcon surface={surface} label={t(`channel.${surface}`)} />
        <div>
          <h2 data-testid="conversation-name">{c.contact?.name ?? t('inbox.unknownContact')}</h2>
          <p className="muted conversation-sub">
            {c.channel.name} · {t(`inbox.kind.${c.kind}`)} · <span data-testid="conversation-status" data-status={c.status}>{t(`status.${c.status}`)}</span>
          </p>
        </div>
        <span className="conversation-primary">
          {resolved
            ? <Button onClick={() => void patch({ status: 'open' })} data-testid="reopen">{t('actions.reopen')}</Button>
            : <Button variant="primary" onClick={() => void patch({ status: 'resolved' })} data-testid="resolve">{t('actions.resolve')}</Button>}
        </span>
      </div>
      <div className="conversation-actions" aria-busy={busy || undefined}>
        <label className="visually-hidden" htmlFor={`assignee-${c.id}`}>{t('actions.assignee')}</label>
        <select id={`assignee-${c.id}`} value={c.assignee?.id ?? ''} data-testid="assignee-select"
          onChange={(event) => void patch({ assigneeId: event.target.value || null })}>
          <option value="">{t('actions.unassigned')}</option>
          {me.user && <option value={me.user.id}>{t('actions.me', { name: me.user.name })}</option>}
          {members.filter((m) => m.userId !== me.user?.id).map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
        <label className="visually-hidden" htmlFor={`priority-${c.id}`}>{t('actions.priority')}</label>
        <select id={`priority-${c.id}`} value={c.priority} data-testid="priority-select"
          onChange={(event) => void patch({ priority: Number(event.target.value) as Priority })}>
          {([0, 1, 2, 3] as const).map((p) => <option key={p} value={p}>{t('actions.priorityOption', { name: t(`priority.${p}`) })}</option>)}
        </select>
        <SnoozeMenu snoozedUntil={c.status === 'snoozed' ? c.snoozedUntil : null} onSnooze={(until) => void patch(until === null ? { snoozedUntil: null, status: 'open' } : { snoozedUntil: until })} />
        <LabelMenu conversation={c} labels={labels} apply={apply} />
        {c.kind === 'public' && <Button onClick={() => setMoving(true)} data-testid="move-to-private">{t('move.action')}</Button>}
      </div>
      <MoveToPrivateDialog open={moving} conversationId={c.id} surface={surface} onClose={() => setMoving(false)}
        onMoved={(id) => (id === c.id ? onChanged() : onOpen(id))} />
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
    </header>
  );
}
