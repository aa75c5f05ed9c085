import { useState } from 'react';
import { revokeInvitation } from '../api/relais.ts';
import type { Invitation } from '../../../../src/contracts/index.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';

export function PendingInvitations({ invitations, onChanged }: { invitations: Invitation[]; onChanged: () => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busyId, setBusyId] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();

  const revoke = async (id: string) => {
    setBusyId(id);
    setFailure(undefined);
    try {
      await revokeInvitation(id);
      await onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <section className="card" data-testid="pending-invitations">
      <h2>{t('team.pending')}</h2>
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      {invitations.length === 0 ? <p className="muted">{t('team.pendingEmpty')}</p> : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} data-testid="invitation-row" data-email={invitation.email}>
              <span className="member-name">{invitation.email}</span>
              <div className="invitation-meta">
                <span className="member-email">
                  {t(`role.${invitation.role}`)} · <time dateTime={new Date(invitation.expiresAt).toISOString()} title={i18n.date(invitation.expiresAt)}>{t('team.expires', { when: i18n.relative(invitation.expiresAt) })}</time>
                </span>
                <Button variant="ghost" pending={busyId === invitation.id} disabled={busyId !== undefined} onClick={() => void revoke(invitation.id)}>{t('team.revoke')}</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
