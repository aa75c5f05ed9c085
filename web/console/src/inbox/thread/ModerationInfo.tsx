import type { ModerationEntry } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatClock } from '../../i18n/duration.ts';
import { ruleOfReason } from './rule-trail.ts';

/** Every hide, unhide and delete of a comment: who (a person, a rule, the platform), why, when. */
export function ModerationInfo({ entries, nameOf }: { entries: ModerationEntry[]; nameOf: (userId: string) => string | undefined }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return null;
  const actor = (entry: ModerationEntry) => {
    const rule = entry.actorType === 'rule' ? ruleOfReason(entry.reason) : undefined;
    if (rule) return t('trail.byRule', rule);
    if (entry.actorType === 'rule') return t('moderation.byRule');
    if (entry.actorType === 'platform') return t('moderation.byPlatform');
    if (entry.actorType === 'token') return t('moderation.byToken');
    return entry.actorName ?? (entry.actorId ? nameOf(entry.actorId) : undefined) ?? t('moderation.someone');
  };
  return (
    <ul className="moderation-log" data-testid="moderation">
      {entries.map((entry, index) => (
        <li key={index}>
          {t(`moderation.${entry.action}`, { who: actor(entry) })}
          {entry.reason && !ruleOfReason(entry.reason) && <> — <span className="moderation-reason">{t('moderation.reason', { reason: entry.reason })}</span></>}
          <span className="muted"> · {formatClock(locale, entry.at)}</span>
        </li>
      ))}
    </ul>
  );
}
