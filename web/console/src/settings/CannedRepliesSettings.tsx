import { useCallback, useState } from 'react';
import { createCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply } from '../api/inbox.ts';
import type { CannedReply } from '../../../../src/contracts/index.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { CannedReplyForm } from './CannedReplyForm.tsx';
import { useAction } from './use-action.ts';

/** Canned replies: what `/shortcut` inserts in the composer, with variables filled in. */
export function CannedRepliesSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listCannedReplies().then((r) => r.cannedReplies), []);
  const [replies, reload] = useResource(load);
  const [editing, setEditing] = useState<CannedReply | 'new'>();
  const action = useAction();

  return (
    <section className="card" aria-labelledby="canned-title">
      <div className="card-head">
        <h2 id="canned-title">{t('settings.canned-replies')}</h2>
        {editing === undefined && <Button variant="primary" onClick={() => setEditing('new')} data-testid="canned-new">{t('settings.cannedNew')}</Button>}
      </div>
      <p className="muted">{t('settings.cannedIntro')}</p>
      {editing !== undefined && (
        <CannedReplyForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSubmit={async (value) => {
            if (editing === 'new') await createCannedReply(value);
            else await updateCannedReply(editing.id, value);
            setEditing(undefined);
            await reload();
          }}
        />
      )}
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      {replies.state === 'failed' && <Alert tone="error">{errorText(replies.error, i18n)}</Alert>}
      {replies.state === 'ready' && (
        <ul className="settings-list" data-testid="canned-list">
          {replies.data.length === 0 && <li className="muted">{t('settings.cannedEmpty')}</li>}
          {replies.data.map((reply) => (
            <li key={reply.id} data-testid="canned-row">
              <div className="canned-summary">
                <kbd>/{reply.shortcut}</kbd> <strong>{reply.title}</strong>
                <p className="muted canned-body">{reply.body}</p>
              </div>
              <Button variant="ghost" onClick={() => setEditing(reply)}>{t('settings.edit')}</Button>
              <ConfirmButton label={t('settings.delete')} confirmLabel={t('settings.confirmDelete')} pending={action.busy === reply.id} onConfirm={() => void action.run(reply.id, () => deleteCannedReply(reply.id), reload)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
