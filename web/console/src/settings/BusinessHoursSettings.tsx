import { useEffect, useId, useState } from 'react';
import { listHolidays, type BusinessHours } from '../api/routing.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { CareScope, saveAt, storedAt, useCareData } from './CareScope.tsx';
import { draftOf, hoursOf, weekdayOrder, type HoursDraft } from './hours-form.ts';

/** Business hours of the workspace or of one channel: weekly periods, holidays, closed days, exceptional openings. */
export function BusinessHoursSettings() {
  const i18n = useI18n();
  const [data, reload] = useCareData();
  const [scope, setScope] = useState('');
  // The form keeps what was typed across its own save; a reset to inheriting starts it afresh.
  const [resets, setResets] = useState(0);
  if (data.state === 'failed') return <Alert tone="error">{errorText(data.error, i18n)}</Alert>;
  if (data.state === 'loading') return null;
  const own = storedAt(data.data, scope);
  const workspace = storedAt(data.data, '')?.hours ?? data.data.care.defaults.hours;
  const hours = own?.hours ?? workspace;
  return (
    <section className="card" aria-labelledby="hours-title">
      <h2 id="hours-title">{i18n.t('settings.hours')}</h2>
      <p className="muted">{i18n.t('hours.intro')}</p>
      <CareScope data={data.data} scope={scope} field="hours" onScope={setScope} onReset={() => saveAt(scope, { hours: null }).then(reload).then(() => setResets((n) => n + 1))} />
      <HoursForm key={`${scope}:${resets}`} initial={hours} onSave={(next) => saveAt(scope, { hours: next }).then(reload)} />
    </section>
  );
}

function HoursForm({ initial, onSave }: { initial: BusinessHours; onSave: (hours: BusinessHours) => Promise<unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [draft, setDraft] = useState<HoursDraft>(() => draftOf(initial));
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ error?: unknown; invalid?: string[]; saved?: boolean }>({});
  const set = (change: Partial<HoursDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = hoursOf(draft);
    if ('invalid' in parsed) return setOutcome({ invalid: parsed.invalid });
    setPending(true);
    try {
      await onSave(parsed.hours);
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="hours-form" className="hours-form">
      <div className="field">
        <label htmlFor={`${id}-tz`}>{t('hours.timeZone')}</label>
        <input id={`${id}-tz`} value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} data-testid="hours-timezone" />
      </div>
      <fieldset className="hours-week">
        <legend className="field-label">{t('hours.dayHint')}</legend>
        {weekdayOrder.map((day) => (
          <div key={day} className="hours-day">
            <label htmlFor={`${id}-d${day}`}>{t(`hours.weekday.${day}`)}</label>
            <input id={`${id}-d${day}`} value={draft.days[day]} data-testid={`hours-day-${day}`}
              aria-invalid={outcome.invalid?.includes(`weekly.${day}`) || undefined}
              onChange={(e) => set({ days: draft.days.map((text, i) => (i === day ? e.target.value : text)) })} />
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-hol`}>{t('hours.holidays')}</label>
        <select id={`${id}-hol`} value={draft.holidays} onChange={(e) => set({ holidays: e.target.value === 'none' ? 'none' : 'fr' })}>
          <option value="fr">{t('hours.holidaysFr')}</option>
          <option value="none">{t('hours.holidaysNone')}</option>
        </select>
      </div>
      {draft.holidays === 'fr' && <HolidaysOfYear />}
      <div className="field">
        <label htmlFor={`${id}-closed`}>{t('hours.closedDays')}</label>
        <textarea id={`${id}-closed`} rows={3} value={draft.closedDays} onChange={(e) => set({ closedDays: e.target.value })} aria-describedby={`${id}-closed-hint`} data-testid="hours-closed" />
        <p className="field-hint" id={`${id}-closed-hint`}>{t('hours.closedDaysHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-open`}>{t('hours.openDays')}</label>
        <textarea id={`${id}-open`} rows={3} value={draft.openDays} onChange={(e) => set({ openDays: e.target.value })} aria-describedby={`${id}-open-hint`} data-testid="hours-open" />
        <p className="field-hint" id={`${id}-open-hint`}>{t('hours.openDaysHint')}</p>
      </div>
      {outcome.invalid && <Alert tone="error">{t('hours.invalid', { fields: outcome.invalid.join(', ') })}</Alert>}
      {outcome.error !== undefined && <Alert tone="error">{errorText(outcome.error, i18n)}</Alert>}
      {outcome.saved && <Alert tone="success">{t('care.saved')}</Alert>}
      <Button type="submit" variant="primary" pending={pending} data-testid="hours-save">{t('common.save')}</Button>
    </form>
  );
}

/** The French public holidays of the current year, as the clock closes on them. */
function HolidaysOfYear() {
  const { t, date } = useI18n();
  const year = new Date().getFullYear();
  const [holidays, setHolidays] = useState<{ date: string; name: string }[]>([]);
  useEffect(() => {
    let live = true;
    listHolidays(year).then((r) => live && setHolidays(r.holidays), () => {});
    return () => { live = false; };
  }, [year]);
  return (
    <details className="advanced" data-testid="holidays">
      <summary>{t('hours.holidaysOfYear', { year })}</summary>
      <ul className="holiday-list">
        {holidays.map((h) => <li key={h.date}><time dateTime={h.date}>{date(Date.parse(`${h.date}T12:00:00Z`))}</time> — {h.name}</li>)}
      </ul>
    </details>
  );
}
