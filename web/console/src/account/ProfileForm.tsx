import { useState } from 'react';
import { updateMe } from '../api/relais.ts';
import { useMe, useSession } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { required } from '../ui/validate.ts';

export function ProfileForm() {
  const { t } = useI18n();
  const me = useMe();
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: { name: me.user?.name ?? '' },
    validate: (v) => ({ name: required(v.name) }),
    onSubmit: async (v) => {
      setSaved(false);
      session.update(await updateMe({ name: v.name.trim() }));
      setSaved(true);
    },
  });
  return (
    <form onSubmit={form.submit} noValidate data-testid="profile-form">
      {form.message && <Alert tone="error">{form.message}</Alert>}
      {saved && <Alert tone="success">{t('account.saved')}</Alert>}
      <Field label={t('field.name')} bound={form.field('name')} autoComplete="name" />
      <div className="field">
        <span className="field-label">{t('field.email')}</span>
        <span className="field-static">{me.user?.email}</span>
      </div>
      <Button type="submit" variant="primary" pending={form.pending}>{t('common.save')}</Button>
    </form>
  );
}
