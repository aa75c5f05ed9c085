import { useCallback, useId, useState, type ReactNode } from 'react';
import { listChannels } from '../api/inbox.ts';
import { getCareSettings, saveCareSettings, type BusinessHours, type CareSettingsList, type SlaPolicies, type StoredCareSettings } from '../api/routing.ts';
import type { Channel } from '../../../../src/contracts/index.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';

export interface CareData {
  care: CareSettingsList;
  channels: Channel[];
}

/** Stored care settings and the channels they may be set for, with a reload after each save. */
export function useCareData() {
  const load = useCallback(() => Promise.all([getCareSettings(), listChannels()]).then(([care, list]) => ({ care, channels: list.channels })), []);
  return useResource<CareData>(load);
}

/** What one level holds: `scope` '' is the workspace, otherwise a channel id. */
export function storedAt(data: CareData, scope: string): StoredCareSettings | undefined {
  return data.care.stored.find((s) => (s.channelId ?? '') === scope);
}

/** "Applies to": the workspace or one channel; a channel with its own settings may go back to inheriting. */
export function CareScope({ data, scope, field, onScope, onReset }: {
  data: CareData; scope: string; field: 'hours' | 'policies'; onScope: (scope: string) => void; onReset: () => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const own = scope !== '' && storedAt(data, scope)?.[field] != null;
  return (
    <div className="care-scope">
      <label htmlFor={id}>{t('care.scope')}</label>
      <select id={id} value={scope} onChange={(e) => onScope(e.target.value)} data-testid="care-scope">
        <option value="">{t('care.workspace')}</option>
        {data.channels.map((channel) => <option key={channel.id} value={channel.id}>{channel.name}</option>)}
      </select>
      {scope !== '' && <span className="muted">{t(own ? 'care.override' : 'care.inherited')}</span>}
      {own && <Button variant="ghost" onClick={() => void onReset()}>{t('care.reset')}</Button>}
    </div>
  );
}

/** Saves one field at one level; null goes back to inheriting. */
export const saveAt = (scope: string, change: { hours?: BusinessHours | null; policies?: SlaPolicies | null }) =>
  saveCareSettings({ channelId: scope || null, ...change });

type Field = 'hours' | 'policies';
type ValueOf<F extends Field> = NonNullable<StoredCareSettings[F]>;

/**
 * A settings card for one care field at a chosen level: the scope picker, then the form for
 * what applies there (its own, else the workspace's, else the defaults).
 */
export function CareSection<F extends Field>({ field, title, intro, form }: {
  field: F; title: string; intro: string;
  form: (props: { key: string; initial: ValueOf<F>; onSave: (value: ValueOf<F>) => Promise<unknown> }) => ReactNode;
}) {
  const i18n = useI18n();
  const [data, reload] = useCareData();
  const [scope, setScope] = useState('');
  // The form keeps what was typed across its own save; a reset to inheriting starts it afresh.
  const [resets, setResets] = useState(0);
  if (data.state === 'failed') return <Alert tone="error">{errorText(data.error, i18n)}</Alert>;
  if (data.state === 'loading') return null;
  const fallback = (field === 'hours' ? data.data.care.defaults.hours : data.data.care.defaults.policies) as ValueOf<F>;
  const initial = (storedAt(data.data, scope)?.[field] ?? storedAt(data.data, '')?.[field] ?? fallback) as ValueOf<F>;
  return (
    <section className="card" aria-labelledby={`${field}-title`}>
      <h2 id={`${field}-title`}>{title}</h2>
      <p className="muted">{intro}</p>
      <CareScope data={data.data} scope={scope} field={field} onScope={setScope} onReset={() => saveAt(scope, { [field]: null }).then(reload).then(() => setResets((n) => n + 1))} />
      {form({ key: `${scope}:${resets}`, initial, onSave: (value) => saveAt(scope, { [field]: value }).then(reload) })}
    </section>
  );
}
