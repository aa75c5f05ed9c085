import type { VoiceWarning } from '../../api/automation.ts';
import { useI18n } from '../../i18n/index.ts';

/** Brand-voice warnings under the draft: advice, never a block. */
export function VoiceWarnings({ warnings }: { warnings: VoiceWarning[] }) {
  const { t, locale } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="voice-warnings" role="status" data-testid="voice-warnings">
      <span className="voice-warnings-title">{t('voice.warnings')}</span>
      <ul>
        {warnings.map((w) => <li key={`${w.code}-${w.message_en}`} data-code={w.code}>{locale === 'en' ? w.message_en : w.message_fr}</li>)}
      </ul>
    </div>
  );
}
