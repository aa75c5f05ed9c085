import { signIn } from '../api/relais.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate, safeNext } from '../router/router.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { email, required } from '../ui/validate.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { useSession } from './SessionProvider.tsx';

export function SignInPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const form = useForm({
    initial: { email: '', password: '' },
    // No length rule here: an old password must still be accepted if the rules change.
    validate: (v) => ({ email: email(v.email), password: required(v.password) }),
    onSubmit: async (v) => {
      const me = await signIn({ email: v.email.trim(), password: v.password });
      session.enter(me);
      navigate(safeNext(new URLSearchParams(location.search).get('next')) ?? '/inbox', { replace: true });
    },
  });

  return (
    <AuthFrame title={t('signIn.title')} intro={<p>{t('signIn.intro')}</p>}>
      <form onSubmit={form.submit} noValidate data-testid="sign-in-form">
        {expired && !form.message && <Alert tone="info">{t('error.sessionExpired')}</Alert>}
        {form.message && <Alert tone="error">{form.message}</Alert>}
        <Field label={t('field.email')} bound={form.field('email')} type="email" autoComplete="username" autoFocus />
        <Field label={t('field.password')} bound={form.field('password')} type="password" autoComplete="current-password" />
        <Button type="submit" variant="primary" pending={form.pending} className="button-block">{t('signIn.submit')}</Button>
      </form>
      <p className="auth-foot">{t('signIn.help')}</p>
    </AuthFrame>
  );
}
