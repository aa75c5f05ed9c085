import { useState } from 'react';
import type { Message } from '../../../../../src/contracts/index.ts';
import { correctClassification, type ClassificationCorrection } from '../../api/insight.ts';
import { useI18n } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { Menu } from '../../ui/Menu.tsx';
import { intentKeys, intentToggleCorrection, sentimentCorrection, sentiments } from './classification.ts';

/**
 * One-click correction of a customer message: a sentiment button sends and closes; an
 * intent checkbox sends and stays open for the next. The thread refetches after each.
 */
export function CorrectionMenu({ message, onChanged }: { message: Message; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const send = async (correction: ClassificationCorrection, then?: () => void) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await correctClassification(message.id, correction);
      then?.();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <Menu label={t('insight.correct')} ariaLabel={t('insight.correctLabel')} variant="inline" testId="correct-menu">
      {(close) => (
        <div className="correction" aria-busy={busy || undefined}>
          <div role="group" aria-label={t('insight.sentimentGroup')} className="correction-sentiments">
            {sentiments.map((s) => (
              <button key={s} type="button" className={`correction-sentiment sentiment-${s}`} aria-pressed={message.sentiment === s}
                aria-label={t('insight.setSentiment', { name: t(`sentiment.${s}`) })} disabled={busy}
                onClick={() => void send(sentimentCorrection(s), close)} data-testid={`correct-${s}`}>
                <span className="sentiment-dot" aria-hidden="true" />{t(`sentiment.${s}`)}
              </button>
            ))}
          </div>
          <fieldset className="correction-intents">
            <legend>{t('insight.intentsGroup')}</legend>
            {intentKeys.map((intent) => (
              <label key={intent} className="menu-check">
                <input type="checkbox" checked={message.intents.includes(intent)} disabled={busy}
                  onChange={() => void send(intentToggleCorrection(message.intents, intent))} data-testid="correct-intent" data-intent={intent} />
                {t(`intent.${intent}`)}
              </label>
            ))}
          </fieldset>
          {failure !== undefined && <p className="field-error" role="alert">{errorText(failure, i18n)}</p>}
        </div>
      )}
    </Menu>
  );
}
