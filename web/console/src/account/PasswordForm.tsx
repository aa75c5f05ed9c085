import { useState } from 'react';
import { changePassword } from '../api/relais.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { password, required } from '../ui/validate.ts';

/** Changing the password signs out every other session of the user (server side). */
export function PasswordForm() {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const form = useForm({
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (v) => ({
      currentPassword: required(v.currentPassword),
      newPassword: password(v.newPassword),
      confirmPassword: v.confirmPassword !== v.newPassword ? 'validation.passwordMismatch' : undefined,
    }),
    onSubmit: async (v) => {
      setDone(false);
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setDone(true);
    },
  });
  return (
    <form onSubmit={form.submit} noValidate data-testid="password-form">
      {form.message && <Alert tone="error">{form.message}</Alert>}
      {done && <Alert tone="success">{t('account.passwordChanged')}</Alert>}
      <Field label={t('field.currentPassword')} bound={form.field('currentPassword')} type="password" autoComplete="current-password" />
      <Field label={t('field.newPassword')} hint={t('field.passwordHint')} bound={form.field('newPassword')} type="password" autoComplete="new-password" />
      <Field label={t('field.confirmPassword')} bound={form.field('confirmPassword')} type="password" autoComplete="new-password" />
      <Button type="submit" variant="primary" pending={form.pending}>{t('account.passwordSubmit')}</Button>
    </form>
  );
}
