import { fold } from './text-tokens.ts';

export interface Mentionable {
  userId: string;
  name: string;
}

/** Teammates whose name matches what follows the `@`, by any word of the name. */
export function matchMembers<T extends Mentionable>(members: T[], query: string): T[] {
  const wanted = fold(query.trim());
  if (!wanted) return members;
  return members.filter((member) => fold(member.name).split(/\s+/).some((word) => word.startsWith(wanted)) || fold(member.name).startsWith(wanted));
}

/**
 * The teammates still mentioned in the text as `@Full Name`, in order, each once. At each `@`
 * the longest matching name wins, so "@Karim Haddad" is Karim Haddad, not a "Karim".
 */
export function extractMentions(text: string, members: Mentionable[]): string[] {
  const byLength = [...members].sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && !/\s|[([«"']/.test(text[at - 1] ?? '')) continue;
    const rest = text.slice(at + 1);
    const member = byLength.find((m) => m.name && rest.startsWith(m.name) && !/[\p{L}\p{N}_]/u.test(rest[m.name.length] ?? ''));
    if (member && !found.includes(member.userId)) found.push(member.userId);
  }
  return found;
}
