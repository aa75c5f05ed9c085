import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { formatClock, formatSoon } from '../../i18n/duration.ts';
import { Button } from '../../ui/Button.tsx';
import { Menu } from '../../ui/Menu.tsx';
import { localDateTimeValue, parseLocalDateTime, snoozeUntil, type SnoozePreset } from './snooze.ts';

const presets: SnoozePreset[] = ['hour', 'tomorrow', 'monday'];

/** Snooze until a preset or a chosen time; a snoozed conversation can be woken now. */
export function SnoozeMenu({ snoozedUntil, onSnooze }: { snoozedUntil: number | null; onSnooze: (until: number | null) => void }) {
  const { t, locale } = useI18n();
  const [custom, setCustom] = useState('');
  const now = Date.now();
  const customAt = parseLocalDateTime(custom, now);
  return (
    <Menu label={snoozedUntil ? t('actions.snoozedUntil', { when: formatClock(locale, snoozedUntil) }) : t('actions.snooze')} testId="snooze-menu">
      {(close) => (
        <div className="snooze-panel">
          <ul className="menu-list">
            {presets.map((preset) => {
              const at = snoozeUntil(preset, new Date(now));
              return (
                <li key={preset}>
                  <button type="button" className="menu-item" data-testid={`snooze-${preset}`} onClick={() => { onSnooze(at); close(); }}>
                    <span>{t(`snooze.${preset}`)}</span> <span className="muted snooze-when">{formatSoon(locale, at)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="field snooze-custom">
            <label htmlFor="snooze-custom">{t('snooze.custom')}</label>
            <input id="snooze-custom" type="datetime-local" value={custom} min={localDateTimeValue(now)} onChange={(e) => setCustom(e.target.value)} />
          </div>
          <div className="actions">
            {snoozedUntil !== null && <Button onClick={() => { onSnooze(null); close(); }}>{t('snooze.wake')}</Button>}
            <Button variant="primary" disabled={customAt === undefined} onClick={() => { if (customAt) onSnooze(customAt); close(); }}>{t('snooze.submit')}</Button>
          </div>
        </div>
      )}
    </Menu>
  );
}
