import type { CannedReply } from '../../../../../src/contracts/index.ts';
import type { Member } from '../../../../../src/contracts/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { Avatar } from '../list/Avatar.tsx';
import { fillTemplate, holesIn, type TemplateContext } from './canned.ts';
import type { Suggestion } from './suggest.ts';
import { Suggestions } from './Suggestions.tsx';

interface Props {
  id: string;
  suggestion: Suggestion;
  active: number;
  context: TemplateContext;
  onPick: (item: CannedReply | Member) => void;
  onHover: (index: number) => void;
}

/** Canned replies with a preview of the highlighted one, variables filled; or teammates to mention. */
export function SuggestionPopover({ id, suggestion, active, context, onPick, onHover }: Props) {
  const { t } = useI18n();
  if (suggestion.kind === 'mention') {
    return (
      <Suggestions id={id} label={t('composer.mentionTitle')} items={suggestion.items} active={active} keyOf={(m) => m.userId}
        empty={t('composer.noMember')} onPick={onPick} onHover={onHover}
        render={(member) => <span className="suggestion-member"><Avatar name={member.name} /> {member.name}</span>} />
    );
  }
  const highlighted = suggestion.items[Math.min(active, suggestion.items.length - 1)];
  const preview = highlighted ? fillTemplate(highlighted.body, context) : undefined;
  return (
    <Suggestions id={id} label={t('composer.cannedTitle')} items={suggestion.items} active={active} keyOf={(reply) => reply.id}
      empty={t('composer.noCanned')} onPick={onPick} onHover={onHover}
      render={(reply) => <span className="suggestion-canned"><kbd>/{reply.shortcut}</kbd> {reply.title}</span>}
      footer={preview && (
        <div className="canned-preview" data-testid="canned-preview">
          <span className="canned-preview-label">{t('composer.preview')}</span>
          <p>{preview.text}</p>
          {holesIn(preview.missing).length > 0
            ? <p className="field-error">{t('composer.cannedNeedsOrder', { names: holesIn(preview.missing).join(', ') })}</p>
            : preview.missing.length > 0 && <p className="field-error">{t('composer.missingVariables', { names: preview.missing.join(', ') })}</p>}
        </div>
      )} />
  );
}
