import { useCallback } from 'react';
import { listInvitations, listMembers } from '../api/relais.ts';
import { can } from '../../../../src/contracts/permissions.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useResource } from '../ui/use-resource.ts';
import { InviteForm } from './InviteForm.tsx';
import { MemberTable } from './MemberTable.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import './team.css';

/** Members and invitations. Agents and community managers see the same list, read-only. */
export function TeamPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const manage = can(me.role, 'members.manage');
  useDocumentTitle(t('team.title'));

  const load = useCallback(async () => {
    const [members, invitations] = await Promise.all([listMembers(), manage ? listInvitations() : undefined]);
    return { members: members.members, invitations: invitations?.invitations ?? [] };
  }, [manage]);
  const [team, reload] = useResource(load);

  return (
    <div className="page page-wide">
      <header className="page-head">
        <h1>{t('team.title')}</h1>
        <p className="muted">{t('team.intro', { workspace: me.workspace.name })}</p>
      </header>
      {team.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {team.state === 'failed' && (
        <Alert tone="error">{errorText(team.error, i18n)} <Button variant="ghost" onClick={() => void reload()}>{t('common.retry')}</Button></Alert>
      )}
      {team.state === 'ready' && (
        <div className={manage ? 'team-grid' : undefined}>
          <section className="card" aria-labelledby="members-title">
            <h2 id="members-title">{t('team.members')}</h2>
            {!manage && <p className="muted" data-testid="team-read-only">{t('team.readOnly')}</p>}
            <MemberTable members={team.data.members} onChanged={reload} />
          </section>
          {manage && (
            <div className="team-side">
              <InviteForm onInvited={reload} />
              <PendingInvitations invitations={team.data.invitations} onChanged={reload} />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
