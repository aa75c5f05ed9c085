import { describe, expect, it } from 'vitest';
import { extractMentions, matchMembers } from './mentions.ts';
import { tokenAt } from './text-tokens.ts';

const members = [
  { userId: 'u1', name: 'Karim' },
  { userId: 'u2', name: 'Karim Haddad' },
  { userId: 'u3', name: 'Léa Martin' },
];

describe('mentions in a note', () => {
  it('opens on an @ that starts a word, not in an e-mail address', () => {
    expect(tokenAt('Pour @Ka', 8, '@', true)).toEqual({ start: 5, end: 8, query: 'Ka' });
    expect(tokenAt('écrire à lea@boutique.fr', 24, '@', true)).toBeUndefined();
  });

  it('matches teammates by any word of their name, accents aside', () => {
    expect(matchMembers(members, 'mar').map((m) => m.userId)).toEqual(['u3']);
    expect(matchMembers(members, 'lea').map((m) => m.userId)).toEqual(['u3']);
    expect(matchMembers(members, 'had').map((m) => m.userId)).toEqual(['u2']);
  });

  it('extracts each mentioned teammate once, the longest name winning', () => {
    expect(extractMentions('@Karim Haddad tu peux voir ? cc @Léa Martin et encore @Léa Martin.', members)).toEqual(['u2', 'u3']);
    expect(extractMentions('@Karim, merci', members)).toEqual(['u1']);
  });

  it('ignores a name that is no longer in the text, or glued to other letters', () => {
    expect(extractMentions('plus personne ici', members)).toEqual([]);
    expect(extractMentions('@Karimette', members)).toEqual([]);
    expect(extractMentions('mail karim@Karim', members)).toEqual([]);
  });
});
