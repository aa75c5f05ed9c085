import type { Label } from '../../../../../src/contracts/index.ts';

/**
 * A label with its colour as a dot. The colour is an SVG fill, not a style attribute: the
 * console's CSP allows no inline styles, and a presentation attribute is not one.
 */
export function LabelChip({ label, children }: { label: Pick<Label, 'name' | 'color'>; children?: React.ReactNode }) {
  return (
    <span className="label-chip" data-testid="label-chip">
      <ColorDot color={label.color} />
      <span className="label-chip-name">{label.name}</span>
      {children}
    </span>
  );
}

export function ColorDot({ color, size = 8 }: { color: string; size?: number }) {
  const safe = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#8a94a3';
  return (
    <svg className="color-dot" width={size} height={size} viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <circle cx="5" cy="5" r="5" fill={safe} />
    </svg>
  );
}
