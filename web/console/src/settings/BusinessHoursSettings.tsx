import { useEffect, useId, useState } from 'react';
import { listHolidays, type BusinessHours } from '../api/routing.ts';
import { useI18n } from '../i18n/index.ts';
import { Button } from '../ui/Button.tsx';
import { CareSection } from './CareScope.tsx';
import { draftOf, hoursOf, weekdayOrder, type HoursDraft } from './hours-form.ts';
import { SaveOutcomeAlerts, useSave } from './use-save.tsx';

/** Business hours of the workspace or of one channel: weekly periods, holidays, closed days, exceptional openings. */
export function BusinessHoursSettings() {
  const { t } = useI18n();
  return <CareSection field="hours" title={t('settings.hours')} intro={t('hours.intro')} form={({ key, ...props }) => <HoursForm key={key} {...props} />} />;
}

function HoursForm({ initial, onSave }: { initial: BusinessHours; onSave: (hours: BusinessHours) => Promise<unknown> }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<HoursDraft>(() => draftOf(initial));
  const { pending, outcome, save } = useSave<BusinessHours, string>(onSave);
  const set = (change: Partial<HoursDraft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = hoursOf(draft);
    void save('invalid' in parsed ? parsed : { value: parsed.hours });
  };

  return (
    <form onSubmit={submit} data-testid="hours-form" className="hours-form">
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
      <SaveOutcomeAlerts outcome={outcome} invalidText={(invalid) => t('hours.invalid', { fields: invalid.join(', ') })} />
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
