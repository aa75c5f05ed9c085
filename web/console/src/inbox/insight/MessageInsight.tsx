import type { Message } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { intentLabelKey } from './classification.ts';
import { CorrectionMenu } from './CorrectionMenu.tsx';
import { SentimentBadge } from './SentimentBadge.tsx';
import './insight.css';

/** Under a customer message: its sentiment, its intents as chips, who decided, and the correction menu. */
export function MessageInsight({ message: m, onChanged }: { message: Message; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <div className="msg-insight" data-testid="message-insight" data-classified-by={m.classifiedBy ?? ''}>
      {m.sentiment && <SentimentBadge sentiment={m.sentiment} testId="message-sentiment" />}
      {m.intents.length > 0 && (
        <ul className="intent-chips" aria-label={t('insight.intents')}>
          {m.intents.map((intent) => {
            const key = intentLabelKey(intent);
            return <li key={intent} className="intent-chip" data-testid="intent-chip" data-intent={intent}>{key ? t(key) : intent}</li>;
          })}
        </ul>
      )}
      {m.classifiedBy === 'agent' && <span className="corrected" data-testid="corrected-by-team">{t('insight.correctedByTeam')}</span>}
      <CorrectionMenu message={m} onChanged={onChanged} />
    </div>
  );
}
