import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { proposedReplyOf, ruleTrail } from './rule-trail.ts';

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

/** The private reply the charter proposes when it hid a customer's own personal data. */
export function ProposedReply({ meta, onUse }: { meta: Record<string, unknown>; onUse: (text: string) => void }) {
  const { t } = useI18n();
  const text = proposedReplyOf(meta);
  if (!text) return null;
  return (
    <div className="proposed-reply" data-testid="proposed-reply">
      <span className="muted">{t('charter.proposedReply')}</span>
      <p>{text}</p>
      <Button variant="ghost" onClick={() => onUse(text)} data-testid="use-proposed-reply">{t('charter.useReply')}</Button>
    </div>
  );
}
