import { useI18n } from '../../i18n/index.ts';
import type { PolicyLine } from './composer-rules.ts';

/** The send policy for the chosen tab, before anything is sent. */
export function PolicyNotice({ lines, charactersLeft }: { lines: PolicyLine[]; charactersLeft: number | undefined }) {
  const { t, relative, date } = useI18n();
  return (
    <div className="policy-notice" data-testid="policy">
      {lines.map((line) => (
        <span key={line.key} className={`policy-line policy-${line.tone}`}>
          {t(line.key, { when: line.at === undefined ? '' : relative(line.at), date: line.at === undefined ? '' : date(line.at), reason: line.raw ?? '', network: line.network ? t(`channel.${line.network}`) : '' })}
        </span>
      ))}
      {charactersLeft !== undefined && (
        <span className={`chars-left ${charactersLeft < 0 ? 'is-over' : charactersLeft < 50 ? 'is-near' : ''}`} data-testid="chars-left" aria-live="polite">
          {charactersLeft < 0 ? t('composer.charsOver', { count: -charactersLeft }) : t('composer.charsLeft', { count: charactersLeft })}
        </span>
      )}
    </div>
  );
}
