import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../../src/contracts/index.ts';
import { othersHere, repliesSince } from './collision.ts';

const message = (id: string, extra: Partial<Message> = {}): Message => ({
  id, direction: 'out', kind: 'message', authorType: 'user', authorId: 'u2', authorName: 'Karim Haddad', text: 'x', status: 'visible',
  externalId: null, attachments: [], editedAt: null, at: 0, language: null, sentiment: null, sentimentScore: null, intents: [], classifiedBy: null,
  meta: {}, delivery: [], moderation: [], ...extra,
});

describe('collision guard', () => {
  it('lists the teammates in the same conversation once, typing if any of their tabs types', () => {
    const users = [
      { userId: 'me', name: 'Léa', conversationId: 'c1', typing: true },
      { userId: 'u2', name: 'Karim', conversationId: 'c1', typing: false },
      { userId: 'u2', name: 'Karim', conversationId: 'c1', typing: true },
      { userId: 'u3', name: 'Inès', conversationId: 'c2', typing: true },
    ];
    const here = othersHere(users, 'c1', 'me');
    expect(here.viewing.map((u) => [u.name, u.typing])).toEqual([['Karim', true]]);
    expect(here.typing.map((u) => u.userId)).toEqual(['u2']);
  });

  it('warns about replies by others since the draft began, not about my own, notes or customer messages', () => {
    const seen = new Set(['m1']);
    const thread = [
      message('m1'),
      message('m2', { authorId: 'me', authorName: 'Léa' }),
      message('m3', { kind: 'note' }),
      message('m4', { direction: 'in', authorType: 'contact', authorId: null, authorName: 'Camille' }),
    ];
    expect(repliesSince(thread, seen, 'me', () => undefined)).toEqual([]);
    const later = [...thread, message('m5', { authorName: null }), message('m6'), message('m7', { authorType: 'brand', authorId: null, authorName: 'Maison Lune' })];
    expect(repliesSince(later, seen, 'me', (id) => (id === 'u2' ? 'Karim Haddad' : undefined))).toEqual(['Karim Haddad', 'Maison Lune']);
  });
});
