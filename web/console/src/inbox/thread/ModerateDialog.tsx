import { useState } from 'react';
import { moderateMessage, type MessageAction } from '../../api/inbox.ts';
import type { Message } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';

export interface ModerationRequest {
  message: Message;
  action: Exclude<MessageAction, 'like'>;
}

/** Hide, unhide or delete a comment, with the reason kept in the moderation log. */
export function ModerateDialog({ request, onClose, onDone }: { request: ModerationRequest | undefined; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const action = request?.action ?? 'hide';
  return (
    <Dialog open={request !== undefined} onClose={onClose} title={t(`moderate.title.${action}`)} testId="moderate-dialog">
      {request && <ModerateForm request={request} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ModerateForm({ request, onClose, onDone }: { request: ModerationRequest; onClose: () => void; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setFailure(undefined);
    try {
      await moderateMessage(request.message.id, request.action, reason.trim() || undefined);
      onDone();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <blockquote className="moderate-quote">{request.message.text}</blockquote>
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      <div className="field">
        <label htmlFor="moderate-reason">{t('moderate.reason')}</label>
        <textarea id="moderate-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoFocus data-testid="moderate-reason" />
        <p className="field-hint">{t('moderate.reasonHint')}</p>
      </div>
      <div className="actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant={request.action === 'delete' ? 'danger' : 'primary'} pending={pending} data-testid="moderate-submit">{t(`moderate.submit.${request.action}`)}</Button>
      </div>
    </form>
  );
}
