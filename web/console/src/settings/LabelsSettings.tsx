import { useCallback, useId, useState } from 'react';
import { createLabel, deleteLabel, listLabels, updateLabel } from '../api/inbox.ts';
import type { Label } from '../../../../src/contracts/index.ts';
import { useI18n } from '../i18n/index.ts';
import { ColorDot } from '../inbox/list/LabelChip.tsx';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { errorText, fieldErrorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { useAction } from './use-action.ts';

const palette = ['#1f6feb', '#0a7f4f', '#b54708', '#c11574', '#6941c6', '#b42318', '#475467'];

/** Labels with their colour: add, rename, recolour, delete. */
export function LabelsSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listLabels().then((r) => r.labels), []);
  const [labels, reload] = useResource(load);
  const action = useAction();

  return (
    <section className="card" aria-labelledby="labels-title">
      <h2 id="labels-title">{t('settings.labels')}</h2>
      <p className="muted">{t('settings.labelsIntro')}</p>
      <LabelForm key="new" initial={{ name: '', color: palette[0]! }} submitLabel={t('settings.add')} onSubmit={(v) => createLabel(v).then(reload)} />
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      {labels.state === 'failed' && <Alert tone="error">{errorText(labels.error, i18n)}</Alert>}
      {labels.state === 'ready' && (
        <ul className="settings-list" data-testid="labels-list">
          {labels.data.length === 0 && <li className="muted">{t('settings.labelsEmpty')}</li>}
          {labels.data.map((label) => (
            <li key={label.id} data-testid="label-row">
              <LabelForm initial={label} submitLabel={t('common.save')} onSubmit={(v) => updateLabel(label.id, v).then(reload)} />
              <ConfirmButton label={t('settings.delete')} confirmLabel={t('settings.confirmDelete')} pending={action.busy === label.id} onConfirm={() => void action.run(label.id, () => deleteLabel(label.id), reload)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LabelForm({ initial, submitLabel, onSubmit }: { initial: Pick<Label, 'name' | 'color'>; submitLabel: string; onSubmit: (v: { name: string; color: string }) => Promise<unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [color, setColor] = useState(initial.color);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const fresh = initial.name === '';
  const changed = name.trim() !== initial.name || color !== initial.color;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim() || pending) return;
    setPending(true);
    setFailure(undefined);
    try {
      await onSubmit({ name: name.trim(), color });
      if (fresh) setName('');
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const nameError = fieldErrorText(failure, 'name', i18n);
  return (
    <form className="label-form" onSubmit={(event) => void submit(event)} data-testid={fresh ? 'label-new' : undefined}>
      <ColorDot color={color} size={14} />
      <label className="visually-hidden" htmlFor={`${id}-name`}>{t('settings.labelName')}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('settings.labelName')} maxLength={40} name="name" aria-invalid={nameError ? true : undefined} />
      <label className="visually-hidden" htmlFor={`${id}-color`}>{t('settings.labelColor')}</label>
      <input id={`${id}-color`} type="color" value={color} onChange={(e) => setColor(e.target.value)} name="color" />
      <Button type="submit" variant={fresh ? 'primary' : 'secondary'} pending={pending} disabled={!name.trim() || !changed}>{submitLabel}</Button>
      {failure !== undefined && <span className="field-error">{nameError ?? errorText(failure, i18n)}</span>}
    </form>
  );
}
