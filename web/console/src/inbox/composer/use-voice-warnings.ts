import { useEffect, useState } from 'react';
import { checkVoice, type VoiceWarning } from '../../api/automation.ts';
import type { Visibility } from '../../../../../src/contracts/index.ts';

const DEBOUNCE_MS = 600;

/**
 * The brand-voice warnings for a draft reply (tu/vous, emoji, avoided words, identical to a
 * public reply of the last 7 days), asked 600 ms after the last keystroke. Notes are not checked.
 */
export function useVoiceWarnings(visibility: Visibility, text: string): VoiceWarning[] {
  const [result, setResult] = useState<{ text: string; warnings: VoiceWarning[] }>();
  const wanted = visibility !== 'note' && text.trim() !== '';

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const timer = window.setTimeout(() => {
      checkVoice(text, visibility)
        .then((reply) => { if (live) setResult({ text: `${visibility}\n${text}`, warnings: reply.warnings }); })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [visibility, text, wanted]);

  return wanted && result?.text === `${visibility}\n${text}` ? result.warnings : [];
}
