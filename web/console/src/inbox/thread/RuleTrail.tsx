import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { ruleTrail } from './rule-trail.ts';

/** "Règle « Insultes » v3 : masquer le commentaire (fait)": each rule that acted on this message. */
export function RuleTrail({ meta }: { meta: Record<string, unknown> }) {
  const { t } = useI18n();
  const trail = ruleTrail(meta);
  if (trail.length === 0) return null;
  return (
    <ul className="rule-trail" data-testid="rule-trail">
      {trail.map((entry) => (
        <li key={`${entry.ruleId}-${entry.version}-${entry.event}`}>
          {t('trail.rule', { name: entry.ruleName, version: entry.version })} :{' '}
          {entry.outcomes.map((o) => `${t(`action.${o.type}` as MessageKey)} (${t(`trail.${o.status}`)}${o.status === 'failed' && o.detail ? ` : ${o.detail}` : ''})`).join(', ')}
        </li>
      ))}
    </ul>
  );
}
