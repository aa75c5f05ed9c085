import { useState } from 'react';
import type { SlaPolicies } from '../api/routing.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { CareScope, saveAt, storedAt, useCareData } from './CareScope.tsx';
import { policiesOf, rowsOf, surfaces, type PolicyRow } from './sla-form.ts';

/** SLA policies of the workspace or of one channel: targets per network and kind, in business or calendar time. */
export function SlaSettings() {
  const i18n = useI18n();
  const [data, reload] = useCareData();
  const [scope, setScope] = useState('');
  // The form keeps what was typed across its own save; a reset to inheriting starts it afresh.
  const [resets, setResets] = useState(0);
  if (data.state === 'failed') return <Alert tone="error">{errorText(data.error, i18n)}</Alert>;
  if (data.state === 'loading') return null;
  const own = storedAt(data.data, scope);
  const policies = own?.policies ?? storedAt(data.data, '')?.policies ?? data.data.care.defaults.policies;
  return (
    <section className="card" aria-labelledby="sla-title">
      <h2 id="sla-title">{i18n.t('settings.sla')}</h2>
      <p className="muted">{i18n.t('sla.intro')}</p>
      <CareScope data={data.data} scope={scope} field="policies" onScope={setScope} onReset={() => saveAt(scope, { policies: null }).then(reload).then(() => setResets((n) => n + 1))} />
      <PoliciesForm key={`${scope}:${resets}`} initial={policies} onSave={(next) => saveAt(scope, { policies: next }).then(reload)} />
    </section>
  );
}

const surfaceLabel = (surface: string): MessageKey => (surface === '*' ? 'sla.anySurface' : `channel.${surface}` as MessageKey);

function PoliciesForm({ initial, onSave }: { initial: SlaPolicies; onSave: (policies: SlaPolicies) => Promise<unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [rows, setRows] = useState<PolicyRow[]>(() => rowsOf(initial));
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ error?: unknown; invalid?: number[]; saved?: boolean }>({});
  const update = (index: number, change: Partial<PolicyRow>) => setRows((list) => list.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const required = (row: PolicyRow) => row.surface === '*';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = policiesOf(rows);
    if ('invalid' in parsed) return setOutcome({ invalid: parsed.invalid });
    setPending(true);
    try {
      await onSave(parsed.policies);
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="sla-form">
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
      {outcome.invalid && <Alert tone="error">{t('hours.invalid', { fields: outcome.invalid.map((i) => i + 1).join(', ') })}</Alert>}
      {outcome.error !== undefined && <Alert tone="error">{errorText(outcome.error, i18n)}</Alert>}
      {outcome.saved && <Alert tone="success">{t('care.saved')}</Alert>}
      <div className="form-actions">
        <Button onClick={() => setRows((list) => [...list, { surface: 'x', kind: 'public', first: '60', next: '60', resolution: '1440', mode: 'business' }])}>{t('sla.add')}</Button>
        <Button type="submit" variant="primary" pending={pending} data-testid="sla-save">{t('common.save')}</Button>
      </div>
    </form>
  );
}
