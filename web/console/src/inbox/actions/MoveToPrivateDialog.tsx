import { useRef, useState } from 'react';
import { moveToPrivate } from '../../api/inbox.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import type { Surface } from '../list/ChannelIcon.tsx';
import { newIdempotencyKey } from '../composer/idempotency.ts';

interface Props {
  open: boolean;
  conversationId: string;
  surface: Surface;
  onClose: () => void;
  /** The private conversation to open (on Meta, the same one: its private reply lives there). */
  onMoved: (privateConversationId: string) => void;
}

/** "Passer en privé": a public invitation in the brand's voice, an optional first private message. */
export function MoveToPrivateDialog({ open, onClose, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onClose={onClose} title={t('move.title')} testId="move-dialog">
      <MoveForm onClose={onClose} {...rest} />
    </Dialog>
  );
}

function MoveForm({ conversationId, surface, onClose, onMoved }: Omit<Props, 'open'>) {
  const i18n = useI18n();
  const { t } = i18n;
  const [publicText, setPublicText] = useState(() => t('move.publicDefault'));
  const [privateText, setPrivateText] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // One key per opened dialog: a double submit or a retry after a timeout moves once.
  const key = useRef(newIdempotencyKey());

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending || !publicText.trim()) return;
    setPending(true);
    setFailure(undefined);
    try {
      const moved = await moveToPrivate(conversationId, { publicText: publicText.trim(), idempotencyKey: key.current, ...(privateText.trim() ? { privateText: privateText.trim() } : {}) });
      onClose();
      onMoved(moved.privateConversationId);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      {(surface === 'facebook' || surface === 'instagram') && <p className="field-hint">{t('move.metaNote')}</p>}
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      <div className="field">
        <label htmlFor="move-public">{t('move.publicText')}</label>
        <textarea id="move-public" rows={2} value={publicText} onChange={(e) => setPublicText(e.target.value)} maxLength={2000} required autoFocus data-testid="move-public" />
        <p className="field-hint">{t('move.publicHint')}</p>
      </div>
      <div className="field">
        <label htmlFor="move-private">{t('move.privateText')}</label>
        <textarea id="move-private" rows={3} value={privateText} onChange={(e) => setPrivateText(e.target.value)} maxLength={8000} data-testid="move-private" />
        <p className="field-hint">{t('move.privateHint')}</p>
      </div>
      <div className="actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" pending={pending} disabled={!publicText.trim()} data-testid="move-submit">{t('move.submit')}</Button>
      </div>
    </form>
  );
}
