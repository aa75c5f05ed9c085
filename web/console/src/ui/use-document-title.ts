import { useEffect } from 'react';

/** Tabs and history entries say which page they are. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Relais`;
  }, [title]);
}
