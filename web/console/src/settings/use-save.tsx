import { useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { errorText } from '../ui/error-text.ts';

export interface SaveOutcome<K> {
  error?: unknown;
  /** What the form could not read (lines or rows), before anything was sent. */
  invalid?: K[];
  saved?: boolean;
}

/** A settings form's save: refused locally with what it could not read, or sent, with the outcome kept for display. */
export function useSave<T, K>(onSave: (value: T) => Promise<unknown>) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome<K>>({});
  const save = async (parsed: { value: T } | { invalid: K[] }) => {
    if ('invalid' in parsed) return setOutcome({ invalid: parsed.invalid });
    setPending(true);
    try {
      await onSave(parsed.value);
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setPending(false);
    }
  };
  return { pending, outcome, save };
}

/** The outcome under the form: what to fix, the server's refusal, or "saved". */
export function SaveOutcomeAlerts<K>({ outcome, invalidText }: { outcome: SaveOutcome<K>; invalidText: (invalid: K[]) => string }) {
  const i18n = useI18n();
  return (
    <>
      {outcome.invalid && <Alert tone="error">{invalidText(outcome.invalid)}</Alert>}
      {outcome.error !== undefined && <Alert tone="error">{errorText(outcome.error, i18n)}</Alert>}
      {outcome.saved && <Alert tone="success">{i18n.t('care.saved')}</Alert>}
    </>
  );
}
