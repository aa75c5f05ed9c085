import { createWorkspace } from '../api/relais.ts';
import { useSession } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../router/router.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { Field } from '../ui/Field.tsx';
import { useForm } from '../ui/use-form.ts';
import { required } from '../ui/validate.ts';

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onClose={onClose} title={t('workspace.create')} testId="create-workspace">
      <CreateWorkspaceForm onDone={onClose} />
    </Dialog>
  );
}

function CreateWorkspaceForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const form = useForm({
    initial: { name: '' },
    validate: (v) => ({ name: required(v.name) }),
    onSubmit: async (v) => {
      // The server switches to the new workspace, where the caller is owner.
      session.update(await createWorkspace(v.name.trim()));
      onDone();
      navigate('/inbox');
    },
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <p className="muted">{t('workspace.createIntro')}</p>
      {form.message && <Alert tone="error">{form.message}</Alert>}
      <Field label={t('workspace.name')} bound={form.field('name')} autoFocus />
      <div className="actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" pending={form.pending}>{t('workspace.createSubmit')}</Button>
      </div>
    </form>
  );
}
