import type { CoachWarning, PublishNetwork, ValidationIssue } from './types.ts';
import { fr } from '../i18n/fr.ts';
import type { I18n, MessageKey } from '../i18n/index.ts';

export const NETWORKS: PublishNetwork[] = ['facebook', 'instagram', 'x', 'pinterest'];
/** The length each network's counter shows against (X: weighted, see twitter-text). */
export const COUNTER_LIMIT: Record<PublishNetwork, number> = { facebook: 63_206, instagram: 2200, x: 280, pinterest: 800 };
/** The channel kind that carries each network (Instagram goes through the Facebook Page). */
export const CHANNEL_KIND: Record<PublishNetwork, string> = { facebook: 'meta', instagram: 'meta', x: 'x', pinterest: 'pinterest' };

const known = (key: string): key is MessageKey => key in fr;

/** A validation error in the console's language; the server's English words when the code is new. */
export function validationText(error: ValidationIssue, t: I18n['t']): string {
  const key = `pv.${error.code}`;
  return known(key) ? t(key) : error.message;
}

/** A coach warning with its evidence, in the console's language. */
export function coachText(warning: CoachWarning, t: I18n['t']): string {
  const network = t(`network.${warning.network}`);
  const evidence = warning.evidence as { postsThatDay?: number; target?: number; day?: string; days?: number | null };
  if (warning.code === 'coach.over_rhythm') return t('coach.over_rhythm', { network, count: evidence.postsThatDay ?? 0, target: evidence.target ?? 0, day: evidence.day ?? '' });
  if (warning.code === 'coach.silent') return evidence.days === null || evidence.days === undefined ? t('coach.silentNever', { network }) : t('coach.silent', { network, days: evidence.days });
  return t('coach.repeated_text', { network });
}
