import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import { Button } from './Button.tsx';

/** A destructive action in two clicks, as on the team page: the second one says what it does. */
export function ConfirmButton({ label, confirmLabel, pending, onConfirm }: { label: ReactNode; confirmLabel: ReactNode; pending: boolean; onConfirm: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) return <Button variant="ghost" onClick={() => setAsking(true)}>{label}</Button>;
  return (
    <span className="confirm-pair">
      <Button variant="danger" pending={pending} onClick={onConfirm}>{confirmLabel}</Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
    </span>
  );
}
