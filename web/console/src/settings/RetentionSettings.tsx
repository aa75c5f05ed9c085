import { useCallback, useEffect, useState } from 'react';
import { getRetention, saveRetention } from '../api/commerce.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

const choices = [null, 6, 12, 24, 36, 60] as const;

/** "Durée de conservation": after N months, conversations are anonymised and old files and deliveries deleted. */
export function RetentionSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => getRetention(), []);
  const [state, reload] = useResource(load);
  const [months, setMonths] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ saved?: boolean; error?: unknown }>({});
  useEffect(() => {
    if (state.state === 'ready') setMonths(state.data.months);
  }, [state]);

  const submit = async () => {
    setPending(true);
    setOutcome({});
    try {
      await saveRetention(months);
      setOutcome({ saved: true });
      await reload();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="retention-title" data-testid="retention-settings">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="muted">{t('retention.intro')}</p>
      {state.state === 'failed' && <Alert tone="error">{errorText(state.error, i18n)}</Alert>}
      <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <label className="field">
          <span>{t('retention.keep')}</span>
          <select value={months === null ? '' : String(months)} onChange={(event) => setMonths(event.target.value === '' ? null : Number(event.target.value))}>
            {choices.map((choice) => (
              <option key={String(choice)} value={choice === null ? '' : String(choice)}>
                {choice === null ? t('retention.forever') : t('retention.months', { count: choice })}
              </option>
            ))}
          </select>
        </label>
        {months !== null && <p className="muted">{t('retention.effect', { count: months })}</p>}
        {outcome.error !== undefined && <Alert tone="error">{errorText(outcome.error, i18n)}</Alert>}
        {outcome.saved && <Alert tone="success">{t('retention.saved')}</Alert>}
        <Button type="submit" pending={pending}>{t('retention.save')}</Button>
      </form>
    </section>
  );
}
