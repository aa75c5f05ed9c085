import { useCallback, useState } from 'react';
import { getContact } from '../../api/inbox.ts';
import type { ContactDetail } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { useRealtimeSignals } from '../../realtime/RealtimeProvider.tsx';
import { Link } from '../../router/Link.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useResource } from '../../ui/use-resource.ts';
import { ContactNotes } from './ContactNotes.tsx';
import { MergeContact } from './MergeContact.tsx';
import { ContactPrivacy } from './ContactPrivacy.tsx';
import { CommercePanel } from './CommercePanel.tsx';

/** The customer beside the thread: who they are on each network, their history, the team's notes. */
export function ContactPanel({ contactId, conversationId, hrefFor }: { contactId: string; conversationId: string; hrefFor: (conversationId: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => getContact(contactId), [contactId]);
  const [contact, reload] = useResource(load);
  // Once erased, the contact no longer exists: say so rather than ask for it again.
  const [erased, setErased] = useState(false);
  useRealtimeSignals((signal) => {
    if (signal.type === 'reload') return void reload();
    if (signal.type !== 'contact.updated' || !('data' in signal)) return;
    const changed = (signal.data as { contactId?: unknown } | null)?.contactId;
    if (changed === undefined || changed === contactId) void reload();
  });

  if (erased) return <aside className="contact-panel" data-testid="contact-erased"><Alert tone="success">{t('privacy.erased')}</Alert></aside>;
  if (contact.state === 'loading') return <aside className="contact-panel"><p className="muted">{t('app.loading')}</p></aside>;
  if (contact.state === 'failed') return <aside className="contact-panel"><Alert tone="error">{errorText(contact.error, i18n)}</Alert></aside>;
  const { contact: person, identities, conversations, notes } = contact.data;
  const others = conversations.filter((c) => c.id !== conversationId);

  return (
    <aside className="contact-panel" aria-label={t('contact.title')} data-testid="contact-panel">
      <section className="panel-section">
        <h3 className="panel-name">{person.name ?? t('inbox.unknownContact')}</h3>
        {person.email && <p className="panel-line">{person.email}</p>}
        {person.phone && <p className="panel-line">{person.phone}</p>}
      </section>
      <section className="panel-section">
        <h4>{t('contact.identities')}</h4>
        <ul className="panel-list" data-testid="identities">
          {identities.map((identity) => (
            <li key={`${identity.channel.id}:${identity.externalId}`}>
              <span className="panel-strong">{identity.channel.name}</span>
              <span className="muted"> · {identityLabel(identity)}</span>
            </li>
          ))}
        </ul>
      </section>
      <CommercePanel contactId={person.id} />
      <section className="panel-section">
        <h4>{t('contact.conversations')}</h4>
        {others.length === 0 ? <p className="muted">{t('contact.noOtherConversations')}</p> : (
          <ul className="panel-list">
            {others.map((c) => (
              <li key={c.id}>
                <Link href={hrefFor(c.id)}>{c.channelName} · {t(`inbox.kind.${c.kind}`)}</Link>
                <span className="muted"> · {t(`status.${c.status}`)}{c.lastMessageAt !== null ? ` · ${i18n.relative(c.lastMessageAt)}` : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ContactNotes contactId={person.id} notes={notes} onAdded={() => void reload()} />
      <MergeContact contactId={person.id} onMerged={() => void reload()} />
      <ContactPrivacy contactId={person.id} onErased={() => setErased(true)} />
    </aside>
  );
}

/** The name the customer uses there; a handle only when it is a real one, not the platform id again. */
function identityLabel(identity: ContactDetail['identities'][number]): string {
  const handle = identity.handle && identity.handle !== identity.externalId ? `@${identity.handle}` : undefined;
  if (identity.displayName) return handle ? `${identity.displayName} (${handle})` : identity.displayName;
  return handle ?? identity.externalId;
}
