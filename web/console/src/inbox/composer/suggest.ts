import type { CannedReply } from '../../../../../src/contracts/index.ts';
import type { Member } from '../../../../../src/contracts/index.ts';
import { matchCanned } from './canned.ts';
import { matchMembers } from './mentions.ts';
import { tokenAt, type Token } from './text-tokens.ts';

export type Suggestion =
  | { kind: 'canned'; token: Token; items: CannedReply[] }
  | { kind: 'mention'; token: Token; items: Member[] };

/** What the popover offers at the caret: canned replies after `/`, teammates after `@` in a note. */
export function suggestionAt(text: string, caret: number, note: boolean, canned: CannedReply[], members: Member[]): Suggestion | undefined {
  const slash = tokenAt(text, caret, '/');
  if (slash) return { kind: 'canned', token: slash, items: matchCanned(canned, slash.query).slice(0, 8) };
  const at = note ? tokenAt(text, caret, '@') : undefined;
  if (at) return { kind: 'mention', token: at, items: matchMembers(members, at.query).slice(0, 8) };
  return undefined;
}
