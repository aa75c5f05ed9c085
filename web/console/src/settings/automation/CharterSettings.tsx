import { useCallback, useId, useState } from 'react';
import { detectorNames, getCharter, saveCharter, type Charter, type Clause } from '../../api/automation.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useResource } from '../../ui/use-resource.ts';
import { splitList, toggled } from './rule-parts.ts';

/** The moderation charter's clauses: description, detection, action. Each save is a new version. */
export function CharterSettings() {
  const i18n = useI18n();
  const load = useCallback(() => getCharter(), []);
  const [charter, reload] = useResource(load);
  if (charter.state === 'loading') return null;
  if (charter.state === 'failed') return <Alert tone="error">{errorText(charter.error, i18n)}</Alert>;
  return <CharterForm key={charter.data.version} charter={charter.data} onSaved={reload} />;
}

function CharterForm({ charter, onSaved }: { charter: Charter; onSaved: () => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [clauses, setClauses] = useState(charter.clauses);
  const [state, setState] = useState<{ pending?: boolean; failure?: unknown }>({});
  const change = (index: number, next: Clause) => setClauses(clauses.map((c, i) => (i === index ? next : c)));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ pending: true });
    try {
      await saveCharter(clauses);
      await onSaved();
    } catch (failure) {
      setState({ failure });
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="charter-title" data-testid="charter-form">
      <div className="card-head">
        <h2 id="charter-title">{t('settings.charter')}</h2>
        <span className="muted" data-testid="charter-version">{t('charter.version', { version: charter.version })}</span>
      </div>
      <p className="muted">{t('charter.intro')}</p>
      {clauses.map((clause, index) => <ClauseFields key={clause.id} clause={clause} onChange={(next) => change(index, next)} />)}
      {state.failure !== undefined && <Alert tone="error">{errorText(state.failure, i18n)}</Alert>}
      <Button type="submit" variant="primary" pending={state.pending} data-testid="charter-save">{t('common.save')}</Button>
    </form>
  );
}

function ClauseFields({ clause, onChange }: { clause: Clause; onChange: (next: Clause) => void }) {
  const { t } = useI18n();
  const id = useId();
  const detection = clause.detection;
  const setDetection = (patch: Partial<Clause['detection']>) => onChange({ ...clause, detection: { ...detection, ...patch } });
  return (
    <fieldset className="charter-clause" data-testid="charter-clause">
      <legend>{clause.title}</legend>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('charter.clauseTitle')}</label>
        <input id={`${id}-title`} value={clause.title} maxLength={120} onChange={(e) => onChange({ ...clause, title: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('charter.description')}</label>
        <textarea id={`${id}-description`} rows={2} maxLength={2000} value={clause.description} onChange={(e) => onChange({ ...clause, description: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-keywords`}>{t('charter.keywords')}</label>
        <textarea id={`${id}-keywords`} rows={2} defaultValue={(detection.keywords ?? []).join(', ')} onBlur={(e) => setDetection({ keywords: splitList(e.target.value) })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-patterns`}>{t('charter.patterns')}</label>
        <textarea id={`${id}-patterns`} rows={2} defaultValue={(detection.patterns ?? []).join('\n')}
          onBlur={(e) => setDetection({ patterns: e.target.value.split('\n').map((p) => p.trim()).filter(Boolean) })} />
      </div>
      <div className="field">
        <span>{t('charter.detectors')}</span>
        <span className="rule-checks">
          {detectorNames.map((name) => (
            <label key={name}>
              <input type="checkbox" checked={(detection.detectors ?? []).includes(name)} onChange={(e) => setDetection({ detectors: toggled(detection.detectors ?? [], name, e.target.checked) })} /> {t(`detector.${name}`)}
            </label>
          ))}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('charter.action')}</label>
        <select id={`${id}-action`} value={clause.action} onChange={(e) => onChange({ ...clause, action: e.target.value as Clause['action'] })}>
          <option value="hide">{t('charter.hide')}</option>
          <option value="flag">{t('charter.flag')}</option>
        </select>
      </div>
    </fieldset>
  );
}
