import { useId, type InputHTMLAttributes } from 'react';
import type { BoundField } from './use-form.ts';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'>;

interface FieldProps extends InputProps {
  label: string;
  hint?: string | undefined;
  bound: BoundField;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function Field({ label, hint, bound, ...input }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', bound.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        name={bound.name}
        value={bound.value}
        onChange={(event) => bound.onChange(event.target.value)}
        aria-invalid={bound.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      {bound.error && <p className="field-error" id={`${id}-error`}>{bound.error}</p>}
    </div>
  );
}
