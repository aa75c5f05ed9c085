import { useCallback, useState } from 'react';
import { retrainModel } from '../api/tokens.ts';
import { JobProgressBar, useJobProgress } from '../ui/JobProgressBar.tsx';
import { getTeamModel, type TeamModel } from '../api/insight.ts';
import { useI18n } from '../i18n/index.ts';
import { intentLabelKey } from '../inbox/insight/classification.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { formatScore, readModelSummary } from './model-summary.ts';

/** A bar of `value` (0..1) as an SVG width: no inline style (the CSP forbids it), no chart library. */
function Bar({ value, tone }: { value: number; tone: 'default' | 'team' | 'count' }) {
  return (
    <svg className={`bar bar-${tone}`} viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="bar-track" width="100" height="8" rx="2" />
      <rect className="bar-fill" width={Math.max(0, Math.min(100, value * 100))} height="8" rx="2" />
    </svg>
  );
}

/** "Modèle de l'équipe": what the team's corrections have taught Relais, and how well it does. */
export function TeamModelSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => getTeamModel(), []);
  const [state, reload] = useResource(load);
  // The retraining's bar moves with the job's events; its end rereads the model.
  const run = useJobProgress('insight.retrain', '', () => void reload());
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const retrain = async () => {
    setAsking(true);
    setFailure(undefined);
    try {
      await retrainModel();
    } catch (error) {
      setFailure(error);
    } finally {
      setAsking(false);
    }
  };
  return (
    <section className="card" aria-labelledby="model-title" data-testid="team-model">
      <div className="card-head">
        <h2 id="model-title">{t('settings.model')}</h2>
        <Button variant="secondary" pending={asking} disabled={run?.status === 'running'} onClick={() => void retrain()} data-testid="model-retrain">{t('progress.retrain')}</Button>
      </div>
      <p className="muted">{t('model.intro')}</p>
      <JobProgressBar run={run} label={t('progress.retrainLabel')} />
      {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      {state.state === 'ready' && <ModelView model={state.data.model} corrections={state.data.corrections} />}
    </section>
  );
}

function ModelView({ model, corrections }: { model: TeamModel | null; corrections: number }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  const summary = readModelSummary(model?.summary);
  const most = Math.max(1, ...summary.intents.map(([, n]) => n));
  return (
    <>
      <dl className="model-facts">
        <div><dt>{t('model.corrections')}</dt><dd data-testid="model-corrections">{number(corrections)}</dd></div>
        {model && <div><dt>{t('model.version')}</dt><dd data-testid="model-version">{number(model.version)}</dd></div>}
        {model && <div><dt>{t('model.examples')}</dt><dd>{number(model.examples)}</dd></div>}
        {model && <div><dt>{t('model.trainedAt')}</dt><dd title={i18n.date(model.trainedAt)}>{i18n.relative(model.trainedAt)}</dd></div>}
        {summary.sentimentExamples !== undefined && <div><dt>{t('model.sentimentExamples')}</dt><dd>{number(summary.sentimentExamples)}</dd></div>}
        {summary.other.map(([name, value]) => <div key={name}><dt><code>{name}</code></dt><dd>{number(value)}</dd></div>)}
      </dl>
      {!model && <p className="muted" data-testid="model-none">{t('model.none')}</p>}
      {model && corrections > model.examples && <p className="muted">{t('model.pending', { count: corrections - model.examples })}</p>}
      {model && (summary.measured ? (
        <figure className="model-compare" data-testid="model-measured">
          <figcaption>{t('model.measured', { folds: summary.measured.folds })}</figcaption>
          <div className="bar-row"><span>{t('model.default')}</span><Bar value={summary.measured.defaultMacroF1} tone="default" /><strong>{formatScore(locale, summary.measured.defaultMacroF1)}</strong></div>
          <div className="bar-row"><span>{t('model.team')}</span><Bar value={summary.measured.modelMacroF1} tone="team" /><strong>{formatScore(locale, summary.measured.modelMacroF1)}</strong></div>
        </figure>
      ) : <p className="muted">{t('model.notMeasured')}</p>)}
      {summary.intents.length > 0 && (
        <figure className="model-compare">
          <figcaption>{t('model.intentExamples')}</figcaption>
          {summary.intents.map(([intent, n]) => {
            const key = intentLabelKey(intent);
            return <div key={intent} className="bar-row"><span>{key ? t(key) : intent}</span><Bar value={n / most} tone="count" /><strong>{number(n)}</strong></div>;
          })}
        </figure>
      )}
    </>
  );
}
