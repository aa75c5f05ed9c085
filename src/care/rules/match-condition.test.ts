import { describe, expect, it } from 'vitest';
import { matchCondition } from './match-condition.ts';
import { conditionSchema, type Condition } from './rule-schema.ts';
import { factsFor, MONDAY_10H_PARIS, SUNDAY_10H_PARIS } from './testing.ts';

/** Parsed like a stored rule, so defaults (text `match`) apply. */
const cond = (input: unknown): Condition => conditionSchema.parse(input);

describe('matchCondition', () => {
  it('channel: kind or surface in a list', () => {
    const facts = factsFor({ channelKind: 'meta', surface: 'instagram_comment' });
    expect(matchCondition(cond({ type: 'channel', field: 'kind', in: ['x', 'meta'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'channel', field: 'kind', in: ['x'] }), facts)).toBe(false);
    expect(matchCondition(cond({ type: 'channel', field: 'surface', in: ['instagram_comment'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'channel', field: 'surface', in: ['instagram_dm'] }), facts)).toBe(false);
  });

  it('visibility', () => {
    expect(matchCondition(cond({ type: 'visibility', is: 'public' }), factsFor({ visibility: 'public' }))).toBe(true);
    expect(matchCondition(cond({ type: 'visibility', is: 'public' }), factsFor({ visibility: 'private' }))).toBe(false);
  });

  it('text contains, ignoring case and accents ("REMBOURSÉ" contains "rembourse")', () => {
    const facts = factsFor({ text: 'Toujours pas REMBOURSÉ' });
    expect(matchCondition(cond({ type: 'text_contains', terms: ['rembourse'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'text_contains', terms: ['arnaque'] }), facts)).toBe(false);
    expect(matchCondition(cond({ type: 'text_contains', terms: ['rembours'] }), facts)).toBe(false);
    expect(matchCondition(cond({ type: 'text_contains', terms: ['rembours'], match: 'substring' }), facts)).toBe(true);
  });

  it('text does not contain', () => {
    const facts = factsFor({ text: 'Merci, bien reçu' });
    expect(matchCondition(cond({ type: 'text_not_contains', terms: ['arnaque'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'text_not_contains', terms: ['RECU'] }), facts)).toBe(false);
  });

  it('text matches a regex, accents folded on both sides', () => {
    const facts = factsFor({ text: 'Commande N°123456 toujours PAS LIVRÉE' });
    expect(matchCondition(cond({ type: 'text_matches', pattern: 'commande\\s*n?°?\\s?\\d{5,}' }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'text_matches', pattern: 'livrée' }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'text_matches', pattern: '\\b0[67]\\d{8}\\b' }), facts)).toBe(false);
  });

  it('language and sentiment', () => {
    const facts = factsFor({ language: 'en', sentiment: 'positive' });
    expect(matchCondition(cond({ type: 'language', in: ['en'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'language', in: ['fr', 'other'] }), facts)).toBe(false);
    expect(matchCondition(cond({ type: 'sentiment', in: ['positive', 'neutral'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'sentiment', in: ['negative'] }), facts)).toBe(false);
  });

  it('intent: plain keys, order_issue/<subtype>, and order_issue for any subtype', () => {
    const facts = factsFor({ intents: [{ intent: 'question' }, { intent: 'order_issue', subtype: 'delivery' }] });
    expect(matchCondition(cond({ type: 'intent', any: ['question'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'intent', any: ['order_issue/delivery'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'intent', any: ['order_issue/damaged'] }), facts)).toBe(false);
    expect(matchCondition(cond({ type: 'intent', any: ['order_issue'] }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'intent', any: ['order_issue'] }), factsFor({ intents: [{ intent: 'praise' }] }))).toBe(false);
  });

  it('business hours: Monday 10:00 Paris is open, Sunday 10:00 is closed', () => {
    const open = cond({ type: 'business_hours', is: 'open' });
    const closed = cond({ type: 'business_hours', is: 'closed' });
    expect(matchCondition(open, factsFor({ at: MONDAY_10H_PARIS }))).toBe(true);
    expect(matchCondition(closed, factsFor({ at: MONDAY_10H_PARIS }))).toBe(false);
    expect(matchCondition(open, factsFor({ at: SUNDAY_10H_PARIS }))).toBe(false);
    expect(matchCondition(closed, factsFor({ at: SUNDAY_10H_PARIS }))).toBe(true);
    // Lunch break: Monday 12:45 Paris is closed.
    expect(matchCondition(closed, factsFor({ at: Date.parse('2026-11-23T11:45:00Z') }))).toBe(true);
  });

  it('contact has an order / an open cart', () => {
    const facts = factsFor({ contact: { hasOrder: true, hasOpenCart: false } });
    expect(matchCondition(cond({ type: 'contact_has_order', is: true }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'contact_has_order', is: false }), facts)).toBe(false);
    expect(matchCondition(cond({ type: 'contact_has_open_cart', is: false }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'contact_has_open_cart', is: true }), facts)).toBe(false);
  });

  it('label present / absent', () => {
    const facts = factsFor({ labels: ['vip'] });
    expect(matchCondition(cond({ type: 'label', is: 'present', label: 'vip' }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'label', is: 'present', label: 'sav' }), facts)).toBe(false);
    expect(matchCondition(cond({ type: 'label', is: 'absent', label: 'sav' }), facts)).toBe(true);
    expect(matchCondition(cond({ type: 'label', is: 'absent', label: 'vip' }), facts)).toBe(false);
  });
});
