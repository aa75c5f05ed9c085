import { describe, expect, it } from 'vitest';
import { suggestionAt } from './suggest.ts';

const canned = [{ id: 'c1', shortcut: 'suivi', title: 'Suivi de colis', body: 'x' }];
const members = [{ userId: 'u1', name: 'Karim Haddad', email: 'k@x.fr', role: 'agent' as const, joinedAt: 0 }];

describe('composer popover', () => {
  it('offers canned replies after a / in any tab', () => {
    expect(suggestionAt('/su', 3, false, canned, members)).toMatchObject({ kind: 'canned', items: [{ id: 'c1' }] });
    expect(suggestionAt('/su', 3, true, canned, members)?.kind).toBe('canned');
  });

  it('offers teammates after an @ only in a note', () => {
    expect(suggestionAt('cc @ka', 6, true, canned, members)).toMatchObject({ kind: 'mention', token: { start: 3 }, items: [{ userId: 'u1' }] });
    expect(suggestionAt('cc @ka', 6, false, canned, members)).toBeUndefined();
  });

  it('closes once the word is finished', () => {
    expect(suggestionAt('/suivi ', 7, false, canned, members)).toBeUndefined();
    expect(suggestionAt('cc @Karim Haddad ', 17, true, canned, members)).toBeUndefined();
  });
});
