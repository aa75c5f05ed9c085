/**
 * The engagement score, a pure function: each signal weighs its kind's weight, halved for
 * every 30 days of age (decay), summed over the window. Negative-only people (negative
 * comments and no positive voice: no positive comment, share or tag) are not ambassadors.
 */
export type SignalKind = 'positive_comment' | 'share' | 'like' | 'tag' | 'entry' | 'order' | 'code_sale';

export interface Signal {
  contactId: string;
  kind: SignalKind;
  at: number;
  /** facebook, instagram, x; null for what has no network (orders, code sales). */
  network: string | null;
}

export const WEIGHTS: Record<SignalKind, number> = { positive_comment: 2, share: 3, like: 0.5, tag: 3, entry: 1, order: 5, code_sale: 8 };
export const HALF_LIFE_DAYS = 30;
const DAY = 86_400_000;

export interface ContactScore {
  contactId: string;
  score: number;
  counts: Record<SignalKind, number>;
  negatives: number;
}

const emptyCounts = (): Record<SignalKind, number> => ({ positive_comment: 0, share: 0, like: 0, tag: 0, entry: 0, order: 0, code_sale: 0 });

/** Scores rounded to one decimal, highest first; negative-only contacts left out. */
export function scoreContacts(signals: Signal[], negatives: Map<string, number>, now: number): ContactScore[] {
  const byContact = new Map<string, ContactScore>();
  for (const signal of signals) {
    const entry = byContact.get(signal.contactId) ?? { contactId: signal.contactId, score: 0, counts: emptyCounts(), negatives: negatives.get(signal.contactId) ?? 0 };
    entry.counts[signal.kind] += 1;
    entry.score += WEIGHTS[signal.kind] * 0.5 ** (Math.max(0, now - signal.at) / (HALF_LIFE_DAYS * DAY));
    byContact.set(signal.contactId, entry);
  }
  return [...byContact.values()]
    .filter((c) => !(c.negatives > 0 && c.counts.positive_comment + c.counts.share + c.counts.tag === 0))
    .map((c) => ({ ...c, score: Math.round(c.score * 10) / 10 }))
    .sort((a, b) => b.score - a.score || (a.contactId < b.contactId ? -1 : 1));
}

const labels: Record<SignalKind, [string, string]> = {
  positive_comment: ['commentaire positif', 'commentaires positifs'], share: ['partage', 'partages'], like: ['j’aime', 'j’aime'],
  tag: ['publication citant la boutique', 'publications citant la boutique'], entry: ['participation à un jeu', 'participations à des jeux'],
  order: ['commande', 'commandes'], code_sale: ['vente avec son code', 'ventes avec son code'],
};

/** "12 commentaires positifs, 3 partages, 2 commandes en 90 jours" */
export function explainScore(counts: Record<SignalKind, number>, days: number): string {
  const parts = (Object.keys(labels) as SignalKind[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${labels[k][counts[k] > 1 ? 1 : 0]}`);
  return `${parts.join(', ') || 'aucune activité'} en ${days} jours`;
}
