import { useState } from 'react';
import { addContactNote } from '../../api/inbox.ts';
import type { ContactDetail } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';

/** Notes about the customer (not a conversation): sizes, preferences, past trouble. */
export function ContactNotes({ contactId, notes, onAdded }: { contactId: string; notes: ContactDetail['notes']; onAdded: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim() || pending) return;
    setPending(true);
    setFailure(undefined);
    try {
      await addContactNote(contactId, text.trim());
      setText('');
      onAdded();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel-section">
      <h4>{t('contact.notes')}</h4>
      <ul className="contact-notes" data-testid="contact-notes">
        {notes.map((note) => (
          <li key={note.id}>
            <p>{note.text}</p>
            <span className="muted">{note.authorName ?? t('moderation.someone')} · {i18n.relative(note.createdAt)}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void add(event)} className="contact-note-form">
        <label htmlFor={`contact-note-${contactId}`} className="visually-hidden">{t('contact.addNote')}</label>
        <textarea id={`contact-note-${contactId}`} rows={2} value={text} placeholder={t('contact.notePlaceholder')} onChange={(e) => setText(e.target.value)} maxLength={4000} />
        {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
        <Button type="submit" pending={pending} disabled={!text.trim()}>{t('contact.addNote')}</Button>
      </form>
    </section>
  );
}
