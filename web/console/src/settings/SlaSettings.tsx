import { useState } from 'react';
import type { SlaPolicies } from '../api/routing.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { Button } from '../ui/Button.tsx';
import { CareSection } from './CareScope.tsx';
import { policiesOf, rowsOf, surfaces, type PolicyRow } from './sla-form.ts';
import { SaveOutcomeAlerts, useSave } from './use-save.tsx';

/** SLA policies of the workspace or of one channel: targets per network and kind, in business or calendar time. */
export function SlaSettings() {
  const { t } = useI18n();
  return <CareSection field="policies" title={t('settings.sla')} intro={t('sla.intro')} form={({ key, ...props }) => <PoliciesForm key={key} {...props} />} />;
}

const surfaceLabel = (surface: string): MessageKey => (surface === '*' ? 'sla.anySurface' : `channel.${surface}` as MessageKey);

function PoliciesForm({ initial, onSave }: { initial: SlaPolicies; onSave: (policies: SlaPolicies) => Promise<unknown> }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<PolicyRow[]>(() => rowsOf(initial));
  const { pending, outcome, save } = useSave<SlaPolicies, number>(onSave);
  const update = (index: number, change: Partial<PolicyRow>) => setRows((list) => list.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const required = (row: PolicyRow) => row.surface === '*';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = policiesOf(rows);
    void save('invalid' in parsed ? parsed : { value: parsed.policies });
  };

  return (
    <form onSubmit={submit} data-testid="sla-form">
      <table className="sla-table">
        <thead>
          <tr>
            <th scope="col">{t('sla.surface')}</th><th scope="col">{t('sla.kind')}</th><th scope="col">{t('sla.first')}</th>
            <th scope="col">{t('sla.next')}</th><th scope="col">{t('sla.resolution')}</th><th scope="col">{t('sla.mode')}</th><th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // Rows have no id until saved; their order is stable while editing.
            <tr key={index} data-testid="sla-row" aria-invalid={outcome.invalid?.includes(index) || undefined}>
              <td>
                <select aria-label={t('sla.surface')} value={row.surface} disabled={required(row)} onChange={(e) => update(index, { surface: e.target.value })}>
                  {surfaces.filter((s) => s !== '*' || required(row)).map((s) => <option key={s} value={s}>{t(surfaceLabel(s))}</option>)}
                </select>
              </td>
              <td>
                <select aria-label={t('sla.kind')} value={row.kind} disabled={required(row)} onChange={(e) => update(index, { kind: e.target.value === 'public' ? 'public' : 'private' })}>
                  <option value="public">{t('sla.public')}</option>
                  <option value="private">{t('sla.private')}</option>
                </select>
              </td>
              {(['first', 'next', 'resolution'] as const).map((field) => (
                <td key={field}>
                  <input aria-label={t(`sla.${field}`)} inputMode="numeric" size={6} value={row[field]} data-testid={`sla-${field}`} onChange={(e) => update(index, { [field]: e.target.value })} />
                </td>
              ))}
              <td>
                <select aria-label={t('sla.mode')} value={row.mode} onChange={(e) => update(index, { mode: e.target.value === 'calendar' ? 'calendar' : 'business' })} data-testid="sla-mode">
                  <option value="business">{t('sla.business')}</option>
                  <option value="calendar">{t('sla.calendar')}</option>
                </select>
              </td>
              <td>{!required(row) && <Button variant="ghost" onClick={() => setRows((list) => list.filter((_, i) => i !== index))}>{t('sla.remove')}</Button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('sla.required')}</p>
      <SaveOutcomeAlerts outcome={outcome} invalidText={(invalid) => t('hours.invalid', { fields: invalid.map((i) => i + 1).join(', ') })} />
      <div className="form-actions">
        <Button onClick={() => setRows((list) => [...list, { surface: 'x', kind: 'public', first: '60', next: '60', resolution: '1440', mode: 'business' }])}>{t('sla.add')}</Button>
        <Button type="submit" variant="primary" pending={pending} data-testid="sla-save">{t('common.save')}</Button>
      </div>
    </form>
  );
}
