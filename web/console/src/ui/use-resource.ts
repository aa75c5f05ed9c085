import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; data: T };

/** Loads something on mount; `reload` refetches after a change without flashing a spinner. */
export function useResource<T>(load: () => Promise<T>): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });

  const reload = useCallback(async () => {
    try {
      setResource({ state: 'ready', data: await load() });
    } catch (error) {
      setResource({ state: 'failed', error });
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return [resource, reload];
}
