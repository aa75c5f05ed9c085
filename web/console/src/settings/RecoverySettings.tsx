import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { getRecoverySettings, previewRecovery, saveRecoverySettings, type RecoverySettings as Settings } from '../api/commerce.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

/** "Paniers abandonnés": whether, when and how Relais recovers a cart. */
export function RecoverySettings() {
  const i18n = useI18n();
  const load = useCallback(() => getRecoverySettings(), []);
  const [state] = useResource(load);
  return (
    <section className="card" aria-labelledby="recovery-title" data-testid="recovery-settings">
      <div className="card-head"><h2 id="recovery-title">{i18n.t('settings.recovery')}</h2></div>
      <p className="muted">{i18n.t('recovery.intro')}</p>
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {state.state === 'ready' && <RecoveryForm initial={state.data} />}
    </section>
  );
}

function Labelled({ label, hint, error, children }: { label: string; hint?: string; error?: string | undefined; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="field-hint">{hint}</p>}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}

function RecoveryForm({ initial }: { initial: Settings }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form, setForm] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown }>();
  const [preview, setPreview] = useState<{ fr: string; en: string }>();
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm((current) => ({ ...current, [key]: value }));
  const fieldError = (name: keyof Settings) => (result && !result.ok && result.error instanceof ApiError ? result.error.fields[name]?.join(' ') : undefined);

  useEffect(() => {
    // The preview follows the templates as typed, a moment after the last key.
    const timer = setTimeout(() => {
      const ask = (template: string, language: 'fr' | 'en') => previewRecovery({ template, language, promoPercent: form.promoPercent, promoExpiryDays: form.promoExpiryDays }).then((r) => r.text).catch(() => '');
      void Promise.all([ask(form.templateFr, 'fr'), ask(form.templateEn, 'en')]).then(([fr, en]) => setPreview({ fr, en }));
    }, 300);
    return () => clearTimeout(timer);
  }, [form.templateFr, form.templateEn, form.promoPercent, form.promoExpiryDays]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      setForm(await saveRecoverySettings(form));
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setSaving(false);
    }
  };
  const number = (value: string) => (value.trim() === '' ? null : Number(value));

  return (
    <form className="stack" onSubmit={(event) => void save(event)} noValidate data-testid="recovery-form">
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="recovery-enabled" />
        {t('recovery.enabled')}
      </label>
      <Labelled label={t('recovery.delay')} error={fieldError('delayMinutes')}>
        {(id) => <input id={id} type="number" min={15} max={2820} value={form.delayMinutes} onChange={(e) => set('delayMinutes', Number(e.target.value))} />}
      </Labelled>
      {(['templateFr', 'templateEn'] as const).map((key) => (
        <Labelled key={key} label={t(key === 'templateFr' ? 'recovery.templateFr' : 'recovery.templateEn')} hint={t('recovery.templateHint')} error={fieldError(key)}>
          {(id) => <textarea id={id} rows={3} value={form[key]} onChange={(e) => set(key, e.target.value)} data-testid={`recovery-${key}`} />}
        </Labelled>
      ))}
      {preview && (
        <figure className="recovery-preview" data-testid="recovery-preview">
          <figcaption>{t('recovery.previewFor')}</figcaption>
          {/* Rendered as text: the preview is the message as the customer will read it. */}
          <p className="msg-text">{preview.fr}</p>
          <p className="msg-text">{preview.en}</p>
        </figure>
      )}
      <fieldset>
        <legend>{t('recovery.promo')}</legend>
        <Labelled label={t('recovery.promoPercent')} hint={t('recovery.promoNone')} error={fieldError('promoPercent')}>
          {(id) => <input id={id} type="number" min={1} max={90} value={form.promoPercent ?? ''} onChange={(e) => set('promoPercent', number(e.target.value))} data-testid="recovery-percent" />}
        </Labelled>
        <Labelled label={t('recovery.promoExpiry')} error={fieldError('promoExpiryDays')}>
          {(id) => <input id={id} type="number" min={1} max={90} value={form.promoExpiryDays} onChange={(e) => set('promoExpiryDays', Number(e.target.value))} />}
        </Labelled>
      </fieldset>
      <Labelled label={t('recovery.quietStart')} error={fieldError('quietStart')}>
        {(id) => <input id={id} type="time" value={form.quietStart} onChange={(e) => set('quietStart', e.target.value)} />}
      </Labelled>
      <Labelled label={t('recovery.quietEnd')} error={fieldError('quietEnd')}>
        {(id) => <input id={id} type="time" value={form.quietEnd} onChange={(e) => set('quietEnd', e.target.value)} />}
      </Labelled>
      <Labelled label={t('recovery.timezone')} error={fieldError('timezone')}>
        {(id) => <input id={id} value={form.timezone} onChange={(e) => set('timezone', e.target.value)} />}
      </Labelled>
      {result?.ok === true && <Alert tone="success">{t('recovery.saved')}</Alert>}
      {result?.ok === false && <Alert tone="error">{errorText(result.error, i18n)}</Alert>}
      <div><Button type="submit" variant="primary" pending={saving} data-testid="recovery-save">{t('common.save')}</Button></div>
    </form>
  );
}
