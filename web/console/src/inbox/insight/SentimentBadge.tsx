import type { Sentiment } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';

/**
 * A sentiment as a small pill: a coloured dot and the word, or the dot alone (`compact`) for
 * neutral in the list, where a word on every row would be noise. Screen readers get the word.
 */
export function SentimentBadge({ sentiment, compact = false, testId }: { sentiment: Sentiment; compact?: boolean; testId?: string }) {
  const { t } = useI18n();
  const label = t('sentiment.of', { name: t(`sentiment.${sentiment}`) });
  return (
    <span className={`sentiment sentiment-${sentiment}${compact ? ' is-compact' : ''}`} title={label} data-testid={testId} data-sentiment={sentiment}>
      <span className="sentiment-dot" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
      {!compact && <span aria-hidden="true">{t(`sentiment.${sentiment}`)}</span>}
    </span>
  );
}

/** A thin red ring: the latest message is calmer, but something negative came earlier. */
export function EarlierNegativeMarker() {
  const { t } = useI18n();
  const label = t('sentiment.earlierNegative');
  return (
    <span className="sentiment-earlier" title={label} data-testid="row-earlier-negative">
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
