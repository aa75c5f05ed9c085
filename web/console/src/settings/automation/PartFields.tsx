import { useState, type ReactNode } from 'react';
import type { Action, Condition } from '../../api/automation.ts';
import type { CannedReply, Label } from '../../../../../src/contracts/index.ts';
import type { Member } from '../../../../../src/contracts/index.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { HOUR_MS, intentKeys, splitList, toggled } from './rule-parts.ts';

export interface Choices {
  labels: Label[];
  cannedReplies: CannedReply[];
  members: Member[];
  clauses: { id: string; title: string }[];
}

type Change<T> = (next: T) => void;

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return <label className="rule-field"><span className="visually-hidden">{label}</span>{children}</label>;
}

/** A set of checkboxes for a small closed list (languages, sentiments, intents). */
function Checks({ values, chosen, onChange }: { values: readonly string[]; chosen: string[]; onChange: Change<string[]> }) {
  const { t } = useI18n();
  return (
    <span className="rule-checks">
      {values.map((value) => (
        <label key={value}>
          <input type="checkbox" checked={chosen.includes(value)} onChange={(e) => onChange(toggled(chosen, value, e.target.checked))} /> {t(`value.${value}` as MessageKey)}
        </label>
      ))}
    </span>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: Change<string> }) {
  const { t } = useI18n();
  return (
    <Labelled label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {!options.some(([v]) => v === value) && <option value={value}>{t('rules.choose')}</option>}
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </Labelled>
  );
}

/** A list typed as "a, b, c", committed when the field loses focus; follows the rule when its row is reused. */
function TextList({ label, value, onChange }: { label: string; value: string[]; onChange: Change<string[]> }) {
  const joined = value.join(', ');
  const [text, setText] = useState(joined);
  const [shown, setShown] = useState(joined);
  if (joined !== shown) {
    setShown(joined);
    setText(joined);
  }
  return <Labelled label={label}><input value={text} placeholder={label} onChange={(e) => setText(e.target.value)} onBlur={() => onChange(splitList(text))} /></Labelled>;
}

/** The inputs of one condition, by type. */
export function ConditionFields({ condition: c, choices, onChange }: { condition: Condition; choices: Choices; onChange: Change<Condition> }) {
  const { t } = useI18n();
  const set = (patch: Record<string, unknown>) => onChange({ ...c, ...patch });
  const yesNo: [string, string][] = [['true', t('rules.yes')], ['false', t('rules.no')]];
  switch (c.type) {
    case 'channel':
      return <>
        <Select label={t('condition.channel')} value={String(c.field)} options={[['kind', t('rules.kind')], ['surface', t('rules.surface')]]} onChange={(field) => set({ field })} />
        <TextList label={t('rules.values')} value={c.in as string[]} onChange={(values) => set({ in: values })} />
      </>;
    case 'visibility':
      return <Select label={t('condition.visibility')} value={String(c.is)} options={[['public', t('value.public')], ['private', t('value.private')]]} onChange={(is) => set({ is })} />;
    case 'text_contains':
    case 'text_not_contains':
      return <>
        <TextList label={t('rules.terms')} value={c.terms as string[]} onChange={(terms) => set({ terms })} />
        <Select label={t('rules.wholeWord')} value={String(c.match)} options={[['word', t('rules.wholeWord')], ['substring', t('rules.substring')]]} onChange={(match) => set({ match })} />
      </>;
    case 'text_matches':
      return <Labelled label={t('rules.pattern')}><input value={String(c.pattern)} placeholder={t('rules.pattern')} onChange={(e) => set({ pattern: e.target.value })} /></Labelled>;
    case 'language':
      return <Checks values={['fr', 'en', 'other']} chosen={c.in as string[]} onChange={(values) => set({ in: values })} />;
    case 'sentiment':
      return <Checks values={['negative', 'neutral', 'positive']} chosen={c.in as string[]} onChange={(values) => set({ in: values })} />;
    case 'intent':
      return <Checks values={intentKeys} chosen={c.any as string[]} onChange={(values) => set({ any: values })} />;
    case 'business_hours':
      return <Select label={t('condition.business_hours')} value={String(c.is)} options={[['open', t('value.open')], ['closed', t('value.closed')]]} onChange={(is) => set({ is })} />;
    case 'contact_has_order':
    case 'contact_has_open_cart':
      return <Select label={t(`condition.${c.type}`)} value={String(c.is)} options={yesNo} onChange={(is) => set({ is: is === 'true' })} />;
    case 'label':
      return <>
        <Select label={t('condition.label')} value={String(c.label)} options={choices.labels.map((l) => [l.id, l.name])} onChange={(label) => set({ label })} />
        <Select label={t('rules.present')} value={String(c.is)} options={[['present', t('rules.present')], ['absent', t('rules.absent')]]} onChange={(is) => set({ is })} />
      </>;
    default:
      return null;
  }
}

/** The inputs of one action, by type. */
export function ActionFields({ action: a, choices, onChange }: { action: Action; choices: Choices; onChange: Change<Action> }) {
  const { t } = useI18n();
  const set = (patch: Record<string, unknown>) => onChange({ ...a, ...patch });
  const canned: [string, string][] = choices.cannedReplies.map((r) => [r.id, `/${r.shortcut} — ${r.title}`]);
  const people: [string, string][] = choices.members.map((m) => [m.userId, m.name]);
  switch (a.type) {
    case 'add_label':
      return <Select label={t('action.add_label')} value={String(a.label)} options={choices.labels.map((l) => [l.id, l.name])} onChange={(label) => set({ label })} />;
    case 'assign': {
      const to = a.to as { kind: string; userId?: string };
      return <Select label={t('action.assign')} value={to.kind === 'user' ? to.userId ?? '' : 'round_robin'} options={[['round_robin', t('rules.roundRobin')], ...people]}
        onChange={(v) => set({ to: v === 'round_robin' ? { kind: 'round_robin' } : { kind: 'user', userId: v } })} />;
    }
    case 'set_priority':
      return <Select label={t('action.set_priority')} value={String(a.priority)} options={([1, 2, 3] as const).map((n) => [String(n), t(`priority.${n}`)])} onChange={(v) => set({ priority: Number(v) })} />;
    case 'hide_comment':
      return <Select label={t('action.hide_comment')} value={String(a.charterClauseId ?? '')} options={[['', t('rules.anyClause')], ...choices.clauses.map((c): [string, string] => [c.id, c.title])]}
        onChange={(v) => onChange(v ? { type: 'hide_comment', charterClauseId: v } : { type: 'hide_comment' })} />;
    case 'reply':
      return <>
        <Select label={t('action.reply')} value={String(a.cannedReplyId)} options={canned} onChange={(cannedReplyId) => set({ cannedReplyId })} />
        <Select label={t('condition.visibility')} value={String(a.visibility)} options={[['public', t('value.public')], ['private', t('value.private')]]} onChange={(visibility) => set({ visibility })} />
      </>;
    case 'auto_acknowledge':
      return <Select label={t('action.auto_acknowledge')} value={String(a.cannedReplyId)} options={canned} onChange={(cannedReplyId) => set({ cannedReplyId })} />;
    case 'notify': {
      const to = a.to as { kind: string; userIds?: string[] };
      return <Select label={t('action.notify')} value={to.kind === 'users' ? to.userIds?.[0] ?? '' : 'admins'} options={[['admins', t('rules.admins')], ...people]}
        onChange={(v) => set({ to: v === 'admins' ? { kind: 'admins' } : { kind: 'users', userIds: [v] } })} />;
    }
    case 'snooze':
      return <Labelled label={t('rules.hours')}>
        <input type="number" min={1} max={720} value={Math.round(Number(a.durationMs) / HOUR_MS)} onChange={(e) => set({ durationMs: Math.max(1, Number(e.target.value)) * HOUR_MS })} /> {t('rules.hours')}
      </Labelled>;
    default:
      return null;
  }
}
