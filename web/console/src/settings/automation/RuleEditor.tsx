import { useId, useState } from 'react';
import { dryRunRule, ruleEvents, type DryRunResult, type RuleDraft, type RuleEvent } from '../../api/automation.ts';
import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ActionFields, ConditionFields, type Choices } from './PartFields.tsx';
import { actionTypes, conditionTypes, defaultAction, defaultCondition, type ActionType, type ConditionType, type Lookups } from './rule-parts.ts';

interface Props {
  initial: RuleDraft;
  choices: Choices;
  onSave: (draft: RuleDraft) => Promise<unknown>;
  onCancel: () => void;
}

/** When [event] if [conditions] then [actions], with a dry-run over past messages before saving. */
export function RuleEditor({ initial, choices, onSave, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [days, setDays] = useState(30);
  const [test, setTest] = useState<DryRunResult>();
  const lookups: Lookups = { labelId: choices.labels[0]?.id, cannedReplyId: choices.cannedReplies[0]?.id, userId: choices.members[0]?.userId };
  const set = (patch: Partial<RuleDraft>) => { setDraft({ ...draft, ...patch }); setTest(undefined); };

  const run = async (what: () => Promise<unknown>) => {
    setPending(true);
    setFailure(undefined);
    try {
      await what();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="rule-editor card" data-testid="rule-editor" onSubmit={(e) => { e.preventDefault(); void run(() => onSave(draft)); }}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('rules.name')}</label>
        <input id={`${id}-name`} value={draft.name} maxLength={120} onChange={(e) => set({ name: e.target.value })} data-testid="rule-name" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-event`}>{t('rules.when')}</label>
        <select id={`${id}-event`} value={draft.event} onChange={(e) => set({ event: e.target.value as RuleEvent })} data-testid="rule-event">
          {ruleEvents.map((event) => <option key={event} value={event}>{t(`event.${event}`)}</option>)}
        </select>
      </div>
      <fieldset className="rule-parts">
        <legend>{t('rules.if')}</legend>
        <ol>
          {draft.conditions.map((condition, index) => (
            <li key={index} data-testid="rule-condition">
              <strong>{t(`condition.${condition.type as ConditionType}`)}</strong>
              <ConditionFields condition={condition} choices={choices} onChange={(next) => set({ conditions: draft.conditions.map((c, i) => (i === index ? next : c)) })} />
              <Button variant="ghost" onClick={() => set({ conditions: draft.conditions.filter((_, i) => i !== index) })}>{t('rules.remove')}</Button>
            </li>
          ))}
        </ol>
        <AddPart label={t('rules.addCondition')} types={conditionTypes} name={(type) => t(`condition.${type}`)} testId="add-condition"
          onAdd={(type) => set({ conditions: [...draft.conditions, defaultCondition(type, lookups)] })} />
      </fieldset>
      <fieldset className="rule-parts">
        <legend>{t('rules.then')}</legend>
        <ol>
          {draft.actions.map((action, index) => (
            <li key={index} data-testid="rule-action">
              <strong>{t(`action.${action.type as ActionType}`)}</strong>
              <ActionFields action={action} choices={choices} onChange={(next) => set({ actions: draft.actions.map((a, i) => (i === index ? next : a)) })} />
              <Button variant="ghost" onClick={() => set({ actions: draft.actions.filter((_, i) => i !== index) })}>{t('rules.remove')}</Button>
            </li>
          ))}
        </ol>
        <AddPart label={t('rules.addAction')} types={actionTypes} name={(type) => t(`action.${type}`)} testId="add-action"
          onAdd={(type) => set({ actions: [...draft.actions, defaultAction(type, lookups)] })} />
      </fieldset>
      <label className="rule-stop"><input type="checkbox" checked={draft.stop} onChange={(e) => set({ stop: e.target.checked })} /> {t('rules.stop')}</label>
      {failure !== undefined && <Alert tone="error"><span data-testid="rule-error">{errorText(failure, i18n)}</span></Alert>}
      <div className="rule-test">
        <label htmlFor={`${id}-days`}>{t('rules.testDays')}</label>
        <input id={`${id}-days`} type="number" min={1} max={90} value={days} onChange={(e) => setDays(Math.min(90, Math.max(1, Number(e.target.value))))} />
        <Button pending={pending} onClick={() => void run(async () => setTest(await dryRunRule(draft, days)))} data-testid="rule-test">{t('rules.test')}</Button>
      </div>
      {test && <DryRunView result={test} />}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" pending={pending} disabled={!draft.name.trim() || draft.actions.length === 0} data-testid="rule-save">{t('common.save')}</Button>
      </div>
    </form>
  );
}

function AddPart<T extends string>({ label, types, name, testId, onAdd }: { label: string; types: readonly T[]; name: (type: T) => string; testId: string; onAdd: (type: T) => void }) {
  return (
    <label className="rule-add">
      <span className="visually-hidden">{label}</span>
      <select value="" onChange={(e) => { if (e.target.value) onAdd(e.target.value as T); }} data-testid={testId}>
        <option value="">+ {label}</option>
        {types.map((type) => <option key={type} value={type}>{name(type)}</option>)}
      </select>
    </label>
  );
}

/** The matches, rendered as text: customer words are data. */
function DryRunView({ result }: { result: DryRunResult }) {
  const { t, date } = useI18n();
  return (
    <div className="rule-dry-run" role="status" data-testid="rule-dry-run">
      <p>{result.matched > 0 ? t('rules.testResult', { matched: result.matched, scanned: result.scanned, days: result.days }) : t('rules.testNone', { days: result.days })}</p>
      <ul>
        {result.samples.map((sample) => (
          <li key={sample.messageId}><span className="muted">{date(sample.at)} · {sample.surface} · {t(`value.${sample.sentiment as 'negative'}`)}</span> {sample.text}</li>
        ))}
      </ul>
    </div>
  );
}
