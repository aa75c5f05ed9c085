import { useState } from 'react';
import { mergeContact } from '../../api/inbox.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';

/** Folds another contact (same person, another network) into this one, by its id. */
export function MergeContact({ contactId, onMerged }: { contactId: string; onMerged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const id = other.trim();
    if (!id || id === contactId) return;
    setPending(true);
    setFailure(undefined);
    try {
      // The other contact goes into this one, so the open conversation keeps its customer.
      await mergeContact(id, contactId);
      setOpen(false);
      setOther('');
      onMerged();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel-section">
      <Button onClick={() => setOpen(true)} data-testid="merge-open">{t('contact.merge')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('contact.mergeTitle')} testId="merge-dialog">
        <form onSubmit={(event) => void submit(event)}>
          <p className="muted">{t('contact.mergeIntro')}</p>
          <p className="muted">{t('contact.reference')} <code>{contactId}</code></p>
          {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
          <div className="field">
            <label htmlFor="merge-other">{t('contact.mergeOther')}</label>
            <input id="merge-other" value={other} onChange={(e) => setOther(e.target.value)} autoFocus autoComplete="off" spellCheck={false} />
          </div>
          <div className="actions">
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" pending={pending} disabled={!other.trim() || other.trim() === contactId}>{t('contact.mergeSubmit')}</Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
