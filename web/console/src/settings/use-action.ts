import { useState } from 'react';

/** One request at a time for a row's buttons, with its failure kept for display. */
export function useAction() {
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const run = async (id: string, action: () => Promise<unknown>, then?: () => unknown) => {
    if (busy) return;
    setBusy(id);
    setFailure(undefined);
    try {
      await action();
      await then?.();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, failure, run };
}
