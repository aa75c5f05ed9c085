import { useCallback, useState } from 'react';
import { createRule, deleteRule, getCharter, listRules, reorderRules, setRuleEnabled, updateRule, type Rule, type RuleDraft } from '../../api/automation.ts';
import { listCannedReplies, listLabels } from '../../api/inbox.ts';
import { listMembers } from '../../api/relais.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useAction } from '../use-action.ts';
import type { Choices } from './PartFields.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { emptyDraft, moved } from './rule-parts.ts';

async function loadAll(): Promise<{ rules: Rule[]; choices: Choices }> {
  const [rules, labels, canned, members, charter] = await Promise.all([listRules(), listLabels(), listCannedReplies(), listMembers(), getCharter()]);
  return { rules: rules.rules, choices: { labels: labels.labels, cannedReplies: canned.cannedReplies, members: members.members, clauses: charter.clauses } };
}

const draftOf = (rule: Rule): RuleDraft => ({ name: rule.name, event: rule.event, conditions: rule.conditions, actions: rule.actions, stop: rule.stop, enabled: rule.enabled });

/** The chain of rules in order: reorder, switch on and off, edit, test, delete. */
export function RulesSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(loadAll, []);
  const [data, reload] = useResource(load);
  const action = useAction();
  const [editing, setEditing] = useState<string | 'new'>();

  if (data.state === 'loading') return null;
  if (data.state === 'failed') return <Alert tone="error">{errorText(data.error, i18n)}</Alert>;
  const { rules, choices } = data.data;
  const move = (index: number, step: -1 | 1) => void action.run(rules[index]!.id, () => reorderRules(moved(rules, index, step).map((r) => r.id)), reload);
  const saved = async (save: () => Promise<unknown>) => {
    await save();
    setEditing(undefined);
    await reload();
  };

  return (
    <section className="card" aria-labelledby="rules-title">
      <div className="card-head">
        <h2 id="rules-title">{t('settings.rules')}</h2>
        {editing === undefined && <Button variant="primary" onClick={() => setEditing('new')} data-testid="rule-new">{t('rules.new')}</Button>}
      </div>
      <p className="muted">{t('rules.intro')}</p>
      {editing === 'new' && <RuleEditor initial={emptyDraft()} choices={choices} onCancel={() => setEditing(undefined)} onSave={(draft) => saved(() => createRule(draft))} />}
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      <ol className="settings-list rules-list" data-testid="rules-list">
        {rules.length === 0 && <li className="muted">{t('rules.empty')}</li>}
        {rules.map((rule, index) => editing === rule.id
          ? <li key={rule.id}><RuleEditor initial={draftOf(rule)} choices={choices} onCancel={() => setEditing(undefined)} onSave={(draft) => saved(() => updateRule(rule.id, draft))} /></li>
          : (
            <li key={rule.id} data-testid="rule-row" className={rule.enabled ? undefined : 'rule-off'}>
              <div>
                <strong>{rule.name}</strong> <span className="muted">{t('rules.version', { version: rule.version })}</span>
                <div className="muted">
                  {t(`event.${rule.event}`)} · {t('rules.summary', { conditions: rule.conditions.length, actions: rule.actions.length })}{rule.stop && <> · {t('rules.stops')}</>}
                </div>
              </div>
              <label><input type="checkbox" checked={rule.enabled} data-testid="rule-enabled" onChange={(e) => void action.run(rule.id, () => setRuleEnabled(rule.id, e.target.checked), reload)} /> {t('rules.enabled')}</label>
              <Button variant="ghost" disabled={index === 0} aria-label={t('rules.moveUp', { name: rule.name })} onClick={() => move(index, -1)}>↑</Button>
              <Button variant="ghost" disabled={index === rules.length - 1} aria-label={t('rules.moveDown', { name: rule.name })} onClick={() => move(index, 1)}>↓</Button>
              <Button onClick={() => setEditing(rule.id)}>{t('rules.edit')}</Button>
              <ConfirmButton label={t('settings.delete')} confirmLabel={t('settings.confirmDelete')} pending={action.busy === rule.id} onConfirm={() => void action.run(rule.id, () => deleteRule(rule.id), reload)} />
            </li>
          ))}
      </ol>
    </section>
  );
}
