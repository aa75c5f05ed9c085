/**
 * Eligibility of contest entries, as a pure function over what the database told. Each
 * entry gets the first reason that applies, in this order, or none (eligible):
 * outside_dates, shop_account, team, blocked, removed, hidden, missing_keyword,
 * not_enough_tags, then duplicate: one entry per person across networks (identities linked
 * to one contact are one person); the earliest entry that passes every other check counts.
 */
export type IneligibleReason = 'outside_dates' | 'shop_account' | 'team' | 'blocked' | 'removed' | 'hidden' | 'missing_keyword' | 'not_enough_tags' | 'duplicate';

export interface Candidate {
  id: string;
  network: string;
  contactId: string | null;
  /** The person's handles on every network (lower-case, without @). */
  handles: string[];
  text: string;
  enteredAt: number;
  status: 'visible' | 'hidden' | 'deleted';
  /** The charter decided to hide it (the platform may not have confirmed yet). */
  charterHide: boolean;
}

export interface ContestConditions {
  startsAt: number;
  endsAt: number;
  keyword: string | null;
  minTags: number;
  /** The shop's own handles and the ones the contest excludes (lower-case, without @). */
  excludedHandles: Set<string>;
  excludedContacts: Map<string, 'team' | 'blocked'>;
}

export interface Judged extends Candidate {
  eligible: boolean;
  reason: IneligibleReason | null;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** `#Concours` matches `#concours` as a whole tag; a plain keyword matches anywhere, accents and case aside. */
export function hasKeyword(text: string, keyword: string): boolean {
  const folded = fold(text);
  const wanted = fold(keyword.trim());
  if (!wanted.startsWith('#')) return folded.includes(wanted);
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(folded);
}

/** Distinct @handles written in the text, less the shop's and the author's own. */
export function taggedFriends(text: string, notFriends: Set<string>): number {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:^|[^\p{L}\p{N}_@])@([\p{L}\p{N}_.]*[\p{L}\p{N}_])/gu)) {
    const handle = match[1]!.toLowerCase();
    if (!notFriends.has(handle)) found.add(handle);
  }
  return found.size;
}

function firstReason(c: Candidate, rules: ContestConditions): IneligibleReason | null {
  if (c.enteredAt < rules.startsAt || c.enteredAt >= rules.endsAt) return 'outside_dates';
  if (c.handles.some((h) => rules.excludedHandles.has(h))) return 'shop_account';
  const excluded = c.contactId ? rules.excludedContacts.get(c.contactId) : undefined;
  if (excluded) return excluded;
  if (c.status === 'deleted') return 'removed';
  if (c.status === 'hidden' || c.charterHide) return 'hidden';
  if (rules.keyword && !hasKeyword(c.text, rules.keyword)) return 'missing_keyword';
  if (rules.minTags > 0 && taggedFriends(c.text, new Set([...rules.excludedHandles, ...c.handles])) < rules.minTags) return 'not_enough_tags';
  return null;
}

export function judgeEntries(candidates: Candidate[], rules: ContestConditions): Judged[] {
  const ordered = [...candidates].sort((a, b) => a.enteredAt - b.enteredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counted = new Set<string>();
  return ordered.map((c) => {
    let reason = firstReason(c, rules);
    if (!reason) {
      const person = c.contactId ?? `entry:${c.id}`;
      if (counted.has(person)) reason = 'duplicate';
      else counted.add(person);
    }
    return { ...c, eligible: reason === null, reason };
  });
}
