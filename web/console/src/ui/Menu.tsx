import { useEffect, useRef, type ReactNode } from 'react';

interface MenuProps {
  label: ReactNode;
  /** Read by screen readers when the label is only an icon or a value. */
  ariaLabel?: string;
  testId?: string;
  align?: 'start' | 'end';
  /** `inline`: the panel opens in the flow (a small link-like button), for a menu inside a scrolling thread. */
  variant?: 'dropdown' | 'inline';
  children: (close: () => void) => ReactNode;
}

/**
 * A small dropdown on a native <details>: keyboard and screen readers get a real disclosure
 * button; a click outside or Escape closes it and gives focus back to the button.
 */
export function Menu({ label, ariaLabel, testId, align = 'start', variant = 'dropdown', children }: MenuProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => {
    const details = ref.current;
    if (!details?.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, []);

  return (
    <details ref={ref} className={variant === 'inline' ? 'menu menu-inline' : 'menu'} data-testid={testId} onKeyDown={(event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close();
      }
    }}>
      <summary className={variant === 'inline' ? 'link-button menu-button' : 'button button-secondary menu-button'} aria-label={ariaLabel}>{label}</summary>
      <div className={`menu-panel menu-${align}`}>{children(close)}</div>
    </details>
  );
}
