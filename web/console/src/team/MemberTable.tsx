import { useState } from 'react';
import { changeMemberRole, removeMember } from '../api/relais.ts';
import { can, type Role } from '../../../../src/contracts/permissions.ts';
import type { Member } from '../../../../src/contracts/index.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { grantableRoles, RoleSelect } from './RoleSelect.tsx';

/** Members with their roles; owners and admins change roles and remove people in place. */
export function MemberTable({ members, onChanged }: { members: Member[]; onChanged: () => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [busyId, setBusyId] = useState<string | undefined>();
  const [confirmId, setConfirmId] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  // Shown while the change is saved, so the select does not snap back in the meantime.
  const [pendingRole, setPendingRole] = useState<{ userId: string; role: Role } | undefined>();

  // Nobody edits themselves here (a slip could lock them out); admins leave owners alone.
  const editable = (member: Member) =>
    can(me.role, 'members.manage') && member.userId !== me.user?.id && (me.role === 'owner' || member.role !== 'owner');

  const act = async (userId: string, action: () => Promise<unknown>) => {
    setBusyId(userId);
    setFailure(undefined);
    try {
      await action();
      setConfirmId(undefined);
      await onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyId(undefined);
      setPendingRole(undefined);
    }
  };

  return (
    <>
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      <div className="table-scroll">
        <table className="table" data-testid="member-table">
          <thead>
            <tr>
              <th scope="col">{t('team.colMember')}</th>
              <th scope="col">{t('team.colRole')}</th>
              <th scope="col">{t('team.colJoined')}</th>
              <th scope="col"><span className="visually-hidden">{t('team.colActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId} data-testid="member-row" data-email={member.email}>
                <td>
                  <span className="member-name">{member.name}</span>
                  {member.userId === me.user?.id && <span className="tag">{t('common.you')}</span>}
                  <span className="member-email">{member.email}</span>
                </td>
                <td data-testid="member-role" data-role={member.role}>
                  {editable(member) ? (
                    <RoleSelect
                      value={pendingRole?.userId === member.userId ? pendingRole.role : member.role}
                      options={grantableRoles(me.role)}
                      label={t('team.roleOf', { name: member.name })}
                      disabled={busyId !== undefined}
                      onChange={(role: Role) => {
                        setPendingRole({ userId: member.userId, role });
                        void act(member.userId, () => changeMemberRole(member.userId, role));
                      }}
                    />
                  ) : t(`role.${member.role}`)}
                </td>
                <td><time dateTime={new Date(member.joinedAt).toISOString()} title={i18n.date(member.joinedAt)}>{i18n.relative(member.joinedAt)}</time></td>
                <td className="cell-actions">
                  {editable(member) && (confirmId === member.userId ? (
                    <>
                      <Button variant="danger" pending={busyId === member.userId} onClick={() => void act(member.userId, () => removeMember(member.userId))}>{t('team.confirmRemove')}</Button>
                      <Button variant="ghost" onClick={() => setConfirmId(undefined)}>{t('common.cancel')}</Button>
                    </>
                  ) : (
                    <Button variant="ghost" disabled={busyId !== undefined} onClick={() => setConfirmId(member.userId)}>{t('team.remove')}</Button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
