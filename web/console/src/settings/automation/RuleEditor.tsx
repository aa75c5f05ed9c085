import { useId, useState, type ReactNode } from 'react';
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
      <PartList legend={t('rules.if')} items={draft.conditions} testId="condition" types={conditionTypes} name={(type) => t(`condition.${type as ConditionType}`)}
        addLabel={t('rules.addCondition')} onChange={(conditions) => set({ conditions })} create={(type) => defaultCondition(type, lookups)}
        fields={(condition, change) => <ConditionFields condition={condition} choices={choices} onChange={change} />} />
      <PartList legend={t('rules.then')} items={draft.actions} testId="action" types={actionTypes} name={(type) => t(`action.${type as ActionType}`)}
        addLabel={t('rules.addAction')} onChange={(actions) => set({ actions })} create={(type) => defaultAction(type, lookups)}
        fields={(action, change) => <ActionFields action={action} choices={choices} onChange={change} />} />
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

interface PartListProps<P extends { type: string }, T extends string> {
  legend: string;
  items: P[];
  testId: string;
  types: readonly T[];
  name: (type: string) => string;
  addLabel: string;
  onChange: (items: P[]) => void;
  create: (type: T) => P;
  fields: (item: P, change: (next: P) => void) => ReactNode;
}

/** The conditions or the actions of a rule: each with its inputs and a remove button, then "+ add". */
function PartList<P extends { type: string }, T extends string>({ legend, items, testId, types, name, addLabel, onChange, create, fields }: PartListProps<P, T>) {
  const { t } = useI18n();
  return (
    <fieldset className="rule-parts">
      <legend>{legend}</legend>
      <ol>
        {items.map((item, index) => (
          <li key={index} data-testid={`rule-${testId}`}>
            <strong>{name(item.type)}</strong>
            {fields(item, (next) => onChange(items.map((other, i) => (i === index ? next : other))))}
            <Button variant="ghost" onClick={() => onChange(items.filter((_, i) => i !== index))}>{t('rules.remove')}</Button>
          </li>
        ))}
      </ol>
      <label className="rule-add">
        <span className="visually-hidden">{addLabel}</span>
        <select value="" onChange={(e) => { if (e.target.value) onChange([...items, create(e.target.value as T)]); }} data-testid={`add-${testId}`}>
          <option value="">+ {addLabel}</option>
          {types.map((type) => <option key={type} value={type}>{name(type)}</option>)}
        </select>
      </label>
    </fieldset>
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
