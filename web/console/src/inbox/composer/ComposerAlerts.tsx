import { useI18n } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../../ui/error-text.ts';
import { sendProblem } from './send-error.ts';

/** Someone answered the customer while this draft was being written: say who, let the agent choose. */
export function CollisionWarning({ names, onSend, onReview }: { names: string[]; onSend: () => void; onReview: () => void }) {
  const { t, locale } = useI18n();
  const who = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names.map((name) => name || t('composer.someone')));
  return (
    <div className="collision-warning" role="alert" data-testid="collision-warning">
      <p>{t(names.length > 1 ? 'composer.collisionMany' : 'composer.collision', { who })}</p>
      <div className="collision-actions">
        <Button onClick={onReview} data-testid="collision-review">{t('composer.collisionReview')}</Button>
        <Button variant="primary" onClick={onSend} data-testid="collision-send">{t('composer.collisionSend')}</Button>
      </div>
    </div>
  );
}

/** A refused send in plain words: the window and when it closed, the policy, the channel. */
export function ComposerError({ failure }: { failure: unknown }) {
  const i18n = useI18n();
  if (failure === undefined) return null;
  const problem = sendProblem(failure);
  const text = problem
    ? i18n.t(problem.key, { when: problem.at === undefined ? '' : `${i18n.relative(problem.at)} (${i18n.date(problem.at)})`, detail: problem.detail ?? '' })
    : errorText(failure, i18n);
  return <Alert tone="error"><span data-testid="composer-error">{text}</span></Alert>;
}
