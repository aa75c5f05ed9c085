import { useId, useState } from 'react';
import { createInvitation } from '../api/relais.ts';
import type { Role } from '../../../../src/contracts/index.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { email } from '../ui/validate.ts';
import { grantableRoles, RoleSelect } from './RoleSelect.tsx';
import { InviteLink } from './InviteLink.tsx';

/** Creates an invitation and shows its link, which the server returns only this once. */
export function InviteForm({ onInvited }: { onInvited: () => Promise<void> }) {
  const { t } = useI18n();
  const me = useMe();
  const roleId = useId();
  const [role, setRole] = useState<Role>('agent');
  const [created, setCreated] = useState<{ email: string; url: string } | undefined>();
  const form = useForm({
    initial: { email: '' },
    validate: (v) => ({ email: email(v.email) }),
    // The previous link stays on screen until a new one replaces it: it is shown only once.
    onSubmit: async (v) => {
      const result = await createInvitation({ email: v.email.trim(), role });
      setCreated({ email: result.invitation.email, url: result.url });
      form.setValues({ email: '' });
      await onInvited();
    },
  });

  return (
    <section className="card" aria-labelledby={`${roleId}-title`}>
      <h2 id={`${roleId}-title`}>{t('team.inviteTitle')}</h2>
      <form onSubmit={form.submit} noValidate className="invite-form" data-testid="invite-form">
        {form.message && <Alert tone="error">{form.message}</Alert>}
        <Field label={t('field.email')} bound={form.field('email')} type="email" autoComplete="off" />
        <div className="field">
          <label htmlFor={roleId}>{t('field.role')}</label>
          <RoleSelect id={roleId} name="role" value={role} options={grantableRoles(me.role)} onChange={setRole} />
        </div>
        <Button type="submit" variant="primary" pending={form.pending}>{t('team.inviteSubmit')}</Button>
      </form>
      {created && <InviteLink email={created.email} url={created.url} />}
    </section>
  );
}
