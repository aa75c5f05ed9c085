import type { ReactNode } from 'react';

interface Props<T> {
  id: string;
  label: string;
  items: T[];
  active: number;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  footer?: ReactNode;
  empty: string;
  onPick: (item: T) => void;
  onHover: (index: number) => void;
}

/**
 * The popover under the composer for `/` (canned replies) and `@` (teammates). Focus stays in
 * the textarea, which drives it with the arrow keys (aria-activedescendant), Enter or Tab.
 */
export function Suggestions<T>({ id, label, items, active, keyOf, render, footer, empty, onPick, onHover }: Props<T>) {
  return (
    <div className="suggestions" data-testid="suggestions">
      <ul id={id} role="listbox" aria-label={label} className="suggestion-list">
        {items.length === 0 && <li className="muted suggestion-empty">{empty}</li>}
        {items.map((item, index) => (
          <li
            key={keyOf(item)}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'suggestion is-active' : 'suggestion'}
            // mousedown, not click: the textarea must not lose its caret first.
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(item);
            }}
            onMouseEnter={() => onHover(index)}
          >
            {render(item)}
          </li>
        ))}
      </ul>
      {footer}
    </div>
  );
}
