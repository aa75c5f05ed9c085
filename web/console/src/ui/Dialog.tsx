import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  testId?: string;
  children: ReactNode;
}

/**
 * The native modal <dialog>: the browser traps focus, closes on Escape and restores focus
 * to whatever opened it, which no hand-rolled overlay gets entirely right.
 */
export function Dialog({ open, onClose, title, testId, children }: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself, not on its content.
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <div className="dialog-body">
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
        </div>
        {open && children}
      </div>
    </dialog>
  );
}
