import { useRef } from 'react';
import type { CannedReply } from '../../../../src/contracts/index.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { fillTemplate, templateVariables } from '../inbox/composer/canned.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { fieldErrorText } from '../ui/error-text.ts';
import { useForm } from '../ui/use-form.ts';
import { required } from '../ui/validate.ts';

type Values = Omit<CannedReply, 'id'>;

/** Shortcut, title and body, with buttons that insert variables and a live preview. */
export function CannedReplyForm({ initial, onSubmit, onCancel }: { initial: CannedReply | undefined; onSubmit: (v: Values) => Promise<void>; onCancel: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const body = useRef<HTMLTextAreaElement>(null);
  const form = useForm({
    initial: { shortcut: initial?.shortcut ?? '', title: initial?.title ?? '', body: initial?.body ?? '' },
    validate: (v) => ({
      shortcut: required(v.shortcut) ?? (/^[\p{L}\p{N}_-]{1,30}$/u.test(v.shortcut.trim()) ? undefined : 'settings.shortcutInvalid'),
      title: required(v.title),
      body: required(v.body),
    }),
    onSubmit: (v) => onSubmit({ shortcut: v.shortcut.trim(), title: v.title.trim(), body: v.body.trim() }),
  });
  const bodyField = form.field('body');
  const preview = fillTemplate(form.values.body, { contactName: 'Camille Martin', agentName: me.user?.name ?? null, workspaceName: me.workspace.name });

  const insert = (variable: string) => {
    const element = body.current;
    const token = `{{${variable}}}`;
    const start = element?.selectionStart ?? form.values.body.length;
    const end = element?.selectionEnd ?? start;
    bodyField.onChange(form.values.body.slice(0, start) + token + form.values.body.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <form className="canned-form" onSubmit={form.submit} noValidate data-testid="canned-form">
      {form.message && <Alert tone="error">{form.message}</Alert>}
      <div className="canned-form-row">
        <Field label={t('settings.cannedShortcut')} hint={t('settings.cannedShortcutHint')} bound={form.field('shortcut')} autoComplete="off" spellCheck={false} />
        <Field label={t('settings.cannedTitle')} bound={form.field('title')} />
      </div>
      <div className="field">
        <label htmlFor="canned-body">{t('settings.cannedBody')}</label>
        <div className="variable-buttons" role="group" aria-label={t('settings.cannedVariables')}>
          {templateVariables.map((variable) => (
            <button key={variable} type="button" className="chip-button" onClick={() => insert(variable)}>{`{{${variable}}}`}</button>
          ))}
        </div>
        <textarea id="canned-body" ref={body} rows={5} name="body" value={bodyField.value} onChange={(e) => bodyField.onChange(e.target.value)}
          aria-invalid={bodyField.error ? true : undefined} maxLength={4000} />
        {bodyField.error && <p className="field-error">{bodyField.error ?? fieldErrorText(form.failure, 'body', i18n)}</p>}
      </div>
      <div className="canned-preview" data-testid="canned-form-preview">
        <span className="canned-preview-label">{t('settings.cannedPreview')}</span>
        <p>{preview.text || <span className="muted">…</span>}</p>
      </div>
      <div className="actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" pending={form.pending}>{t('common.save')}</Button>
      </div>
    </form>
  );
}
