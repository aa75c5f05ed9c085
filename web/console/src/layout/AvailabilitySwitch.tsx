import { useCallback, useEffect, useId, useState } from 'react';
import { listAvailability, setMyAvailability, type Availability } from '../api/routing.ts';
import { useMe } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { useRealtimeSignals } from '../realtime/RealtimeProvider.tsx';
import { addPageShortcuts } from './shortcuts.ts';

const order: Availability[] = ['online', 'away', 'offline'];

/** The next availability in the cycle online → away → offline → online (the `o` shortcut). */
export const nextAvailability = (current: Availability): Availability => order[(order.indexOf(current) + 1) % order.length]!;

/**
 * The agent's own availability, in the header: online takes new conversations (routing),
 * away keeps what they hold and takes nothing new, offline likewise. `o` cycles through them.
 */
export function AvailabilitySwitch() {
  const { t } = useI18n();
  const me = useMe();
  const id = useId();
  const userId = me.user?.id;
  const [status, setStatus] = useState<Availability>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    listAvailability().then((r) => live && setStatus(r.agents.find((a) => a.userId === userId)?.status ?? 'offline'), () => live && setFailed(true));
    return () => { live = false; };
  }, [userId]);

  // Another tab of the same agent changed it.
  useRealtimeSignals(useCallback((signal) => {
    if (signal.type !== 'agent.availability') return;
    const data = signal.data as { userId?: string; status?: Availability };
    if (data.userId === userId && data.status) setStatus(data.status);
  }, [userId]));

  const choose = useCallback(async (next: Availability) => {
    setStatus(next);
    try {
      await setMyAvailability(next);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => addPageShortcuts((key) => {
    if (key !== 'o' || !status) return false;
    void choose(nextAvailability(status));
    return true;
  }), [status, choose]);

  if (!userId || !status) return null;
  return (
    <span className={`availability availability-${status}`}>
      <span className="availability-dot" aria-hidden="true" />
      <label htmlFor={id} className="visually-hidden">{t('availability.label')}</label>
      <select id={id} value={status} onChange={(e) => void choose(e.target.value as Availability)} aria-invalid={failed || undefined} data-testid="availability" title={`${t('availability.label')} (o)`}>
        {order.map((value) => <option key={value} value={value}>{t(`availability.${value}`)}</option>)}
      </select>
    </span>
  );
}
