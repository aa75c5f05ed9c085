import { setUp } from '../api/relais.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../router/router.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { email, password, required } from '../ui/validate.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { useSession } from './SessionProvider.tsx';

/** First run: creates the first workspace and its owner, who is then signed in. */
export function SetupPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const form = useForm({
    initial: { workspaceName: '', name: '', email: '', password: '' },
    validate: (v) => ({ workspaceName: required(v.workspaceName), name: required(v.name), email: email(v.email), password: password(v.password) }),
    onSubmit: async (v) => {
      session.enter(await setUp({ ...v, email: v.email.trim(), locale }));
      navigate('/inbox', { replace: true });
    },
  });

  return (
    <AuthFrame title={t('setup.title')} intro={<p>{t('setup.intro')}</p>}>
      <form onSubmit={form.submit} noValidate data-testid="setup-form">
        {form.message && <Alert tone="error">{form.message}</Alert>}
        <Field label={t('field.workspaceName')} hint={t('field.workspaceNameHint')} bound={form.field('workspaceName')} autoComplete="organization" autoFocus />
        <Field label={t('field.name')} bound={form.field('name')} autoComplete="name" />
        <Field label={t('field.email')} bound={form.field('email')} type="email" autoComplete="email" />
        <Field label={t('field.password')} hint={t('field.passwordHint')} bound={form.field('password')} type="password" autoComplete="new-password" />
        <Button type="submit" variant="primary" pending={form.pending} className="button-block">{t('setup.submit')}</Button>
      </form>
    </AuthFrame>
  );
}
