import { useCallback, useId } from 'react';
import { listChannels } from '../api/inbox.ts';
import { getCareSettings, saveCareSettings, type BusinessHours, type CareSettingsList, type SlaPolicies, type StoredCareSettings } from '../api/routing.ts';
import type { Channel } from '../api/inbox-types.ts';
import { useI18n } from '../i18n/index.ts';
import { Button } from '../ui/Button.tsx';
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
