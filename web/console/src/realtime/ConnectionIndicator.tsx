import { useI18n } from '../i18n/index.ts';
import { useRealtime } from './RealtimeProvider.tsx';
import './realtime.css';

/** A dot and a word: live, or trying to get back (updates may be late meanwhile). */
export function ConnectionIndicator() {
  const { t } = useI18n();
  const { state } = useRealtime();
  const label = state === 'connected' ? t('realtime.connected') : state === 'connecting' ? t('realtime.connecting') : t('realtime.reconnecting');
  return (
    <span className={`connection connection-${state}`} role="status" data-testid="connection" data-state={state} title={state === 'reconnecting' ? t('realtime.reconnectingHint') : label}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{label}</span>
    </span>
  );
}
