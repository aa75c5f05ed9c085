import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { acceptInvitation, previewInvitation } from '../api/relais.ts';
import type { InvitationPreview } from '../../../../src/contracts/index.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/router.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { useResource } from '../ui/use-resource.ts';
import { password, required } from '../ui/validate.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { useSession } from './SessionProvider.tsx';

/** `/invite/:token`: shows where the link leads, then creates or links the account. */
export function AcceptInvitePage({ token }: { token: string }) {
  const i18n = useI18n();
  const load = useCallback(() => previewInvitation(token), [token]);
  const [preview, reload] = useResource(load);

  if (preview.state === 'loading') return <AuthFrame title={i18n.t('invite.checking')}><p className="muted">{i18n.t('app.loading')}</p></AuthFrame>;
  if (preview.state === 'failed') {
    const dead = preview.error instanceof ApiError && (preview.error.status === 404 || preview.error.status === 410);
    return (
      <AuthFrame title={dead ? i18n.t('invite.unusable') : i18n.t('invite.checking')}>
        <Alert tone="error">{errorText(preview.error, i18n)}</Alert>
        {dead ? <Link href="/sign-in" className="button button-secondary">{i18n.t('invite.toSignIn')}</Link>
          : <Button onClick={() => void reload()}>{i18n.t('common.retry')}</Button>}
      </AuthFrame>
    );
  }
  return <AcceptForm token={token} preview={preview.data} />;
}

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useI18n();
  const session = useSession();
  // Set when the server answers that this email already has an account.
  const [existing, setExisting] = useState(false);
  const form = useForm({
    initial: { name: '', password: '' },
    validate: (v) => ({ name: existing ? undefined : required(v.name), password: existing ? required(v.password) : password(v.password) }),
    onSubmit: async (v) => {
      try {
        session.enter(await acceptInvitation({ token, password: v.password, ...(existing ? {} : { name: v.name.trim() }) }));
        navigate('/inbox', { replace: true });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'invitation.wrong_account') setExisting(true);
        throw error;
      }
    },
  });
  const role = t(`role.${preview.role}`);

  return (
    <AuthFrame
      title={t('invite.title', { workspace: preview.workspaceName })}
      intro={<p data-testid="invite-summary">{t('invite.summary', { email: preview.email, role })}</p>}
    >
      <form onSubmit={form.submit} noValidate data-testid="accept-form">
        {form.message && <Alert tone="error">{form.message}</Alert>}
        <p className="muted">{existing ? t('invite.existingAccount', { email: preview.email }) : t('invite.newAccount')}</p>
        {!existing && <Field label={t('field.name')} bound={form.field('name')} autoComplete="name" autoFocus />}
        <input type="email" name="username" value={preview.email} autoComplete="username" readOnly hidden />
        <Field
          label={existing ? t('invite.existingPassword') : t('field.password')}
          hint={existing ? undefined : t('field.passwordHint')}
          bound={form.field('password')}
          type="password"
          autoComplete={existing ? 'current-password' : 'new-password'}
        />
        <Button type="submit" variant="primary" pending={form.pending} className="button-block">{t('invite.submit')}</Button>
      </form>
    </AuthFrame>
  );
}
