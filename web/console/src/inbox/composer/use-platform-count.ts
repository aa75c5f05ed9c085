import { useEffect, useState } from 'react';
import { getPolicy } from '../../api/inbox.ts';
import type { Visibility } from '../../../../../src/contracts/index.ts';

const DEBOUNCE_MS = 250;

/**
 * The characters left for the draft as the platform counts them, from the policy endpoint's
 * `remaining` (`?text=`), asked 250 ms after the last keystroke. Undefined when not wanted
 * (`enabled` false, a note, an empty draft) or not known yet: the composer then counts locally.
 */
export function usePlatformCount(conversationId: string, visibility: Visibility, text: string, enabled: boolean): number | undefined {
  const [counted, setCounted] = useState<{ scope: string; remaining: number }>();
  const wanted = enabled && text !== '';
  const scope = `${conversationId}\n${visibility}`;

  useEffect(() => {
    if (!wanted || visibility === 'note') return;
    let live = true;
    const timer = window.setTimeout(() => {
      getPolicy(conversationId, text)
        .then((policy) => {
          const view = policy[visibility];
          if (live && view) setCounted({ scope, remaining: view.remaining });
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [conversationId, visibility, text, wanted, scope]);

  // While the next count is on its way the previous one stands (same tab only): a key moves it by 1 or 2.
  return wanted && visibility !== 'note' && counted?.scope === scope ? counted.remaining : undefined;
}
