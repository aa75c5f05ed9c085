import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { errorText, fieldErrorText } from './error-text.ts';

export type Problems<F extends string> = Partial<Record<F, MessageKey | undefined>>;

interface Options<F extends string> {
  initial: Record<F, string>;
  validate?: (values: Record<F, string>) => Problems<F>;
  onSubmit: (values: Record<F, string>) => Promise<void>;
}

export interface BoundField {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/**
 * Form state shared by every console form: values, checks before sending, one request at a
 * time, and the server's answer split into a banner message and per-field messages.
 */
export function useForm<F extends string>({ initial, validate, onSubmit }: Options<F>) {
  const i18n = useI18n();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems<F>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);

  const field = (name: F): BoundField => {
    const problem = problems[name];
    return {
      name,
      value: values[name],
      error: problem ? i18n.t(problem) : fieldErrorText(failure, name, i18n),
      onChange: (value) => {
        setValues((current) => ({ ...current, [name]: value }));
        setProblems((current) => ({ ...current, [name]: undefined }));
      },
    };
  };

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const form = event?.currentTarget;
    if (busy.current) return;
    const found = validate?.(values) ?? {};
    setProblems(found);
    if (Object.values(found).some(Boolean)) return focusFirstInvalid(form);
    busy.current = true;
    setPending(true);
    setFailure(undefined);
    try {
      await onSubmit(values);
    } catch (error) {
      setFailure(error);
      focusFirstInvalid(form);
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  const names = Object.keys(initial);
  return { values, setValues, field, submit, pending, failure, message: bannerText(failure, names, i18n) };
}

function bannerText(failure: unknown, fields: string[], i18n: ReturnType<typeof useI18n>): string | undefined {
  if (failure === undefined) return undefined;
  const text = errorText(failure, i18n);
  // Said already beside the field (e.g. a wrong current password): once is enough.
  if (fields.some((name) => fieldErrorText(failure, name, i18n) === text)) return undefined;
  // A field error about a field this form does not show would otherwise be invisible.
  if (failure instanceof ApiError && failure.code === 'request.invalid' && !fields.some((name) => failure.fields[name])) {
    return `${text} (${failure.message})`;
  }
  return text;
}

/** Puts the cursor where the fix is needed; screen readers then read the field's error. */
function focusFirstInvalid(form: HTMLFormElement | undefined): void {
  if (!form) return;
  // After React has rendered the aria-invalid attributes from this submit.
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
