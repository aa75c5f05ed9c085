import { useEffect, useState } from 'react';
import { addConversationLabel, removeConversationLabel } from '../../api/inbox.ts';
import type { ConversationDetail, Label } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { Menu } from '../../ui/Menu.tsx';
import { ColorDot, LabelChip } from '../list/LabelChip.tsx';

interface Props {
  conversation: ConversationDetail;
  labels: Label[];
  apply: (change: () => Promise<unknown>) => Promise<void>;
}

/** The conversation's labels as chips (each removable), and a menu to add or remove any. */
export function LabelMenu({ conversation, labels, apply }: Props) {
  const { t } = useI18n();
  const saved = conversation.labels.map((label) => label.id).join(' ');
  // Ticked at once; the server's answer (a refetch) then has the last word.
  const [on, setOn] = useState(() => new Set(saved.split(' ').filter(Boolean)));
  useEffect(() => setOn(new Set(saved.split(' ').filter(Boolean))), [saved]);
  const toggle = (label: Label) => {
    const had = on.has(label.id);
    const next = new Set(on);
    if (had) next.delete(label.id);
    else next.add(label.id);
    setOn(next);
    return apply(() => (had ? removeConversationLabel(conversation.id, label.id) : addConversationLabel(conversation.id, label.id)));
  };
  return (
    <>
      <span className="header-labels">
        {conversation.labels.map((label) => (
          <LabelChip key={label.id} label={label}>
            <button type="button" className="chip-remove" aria-label={t('actions.removeLabel', { name: label.name })} onClick={() => void toggle(label)}>×</button>
          </LabelChip>
        ))}
      </span>
      <Menu label={t('actions.labels')} testId="label-menu">
        {() => labels.length === 0 ? <p className="muted menu-empty">{t('actions.noLabels')}</p> : (
          <ul className="menu-list">
            {labels.map((label) => (
              <li key={label.id}>
                <label className="menu-check">
                  <input type="checkbox" checked={on.has(label.id)} onChange={() => void toggle(label)} data-testid="label-option" data-name={label.name} />
                  <ColorDot color={label.color} size={10} /> {label.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </Menu>
    </>
  );
}
