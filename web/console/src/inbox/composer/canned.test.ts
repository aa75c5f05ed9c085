import { describe, expect, it } from 'vitest';
import { fillTemplate, firstName, holesIn, matchCanned } from './canned.ts';
import { replaceRange, tokenAt } from './text-tokens.ts';

const context = { contactName: 'Camille Martin', agentName: 'Karim Haddad', workspaceName: 'Maison Lune' };
const replies = [
  { id: '1', shortcut: 'suivi', title: 'Suivi de colis', body: 'Bonjour {{contact.first_name}}, votre colis est en route.' },
  { id: '2', shortcut: 'merci', title: 'Remerciement', body: 'Merci {{ contact.name }} ! {{agent.first_name}}, {{workspace.name}}' },
  { id: '3', shortcut: 'retour', title: 'Échange ou remboursement', body: '…' },
];

describe('canned reply variables', () => {
  it('fills every documented variable, spaces in the braces allowed', () => {
    expect(fillTemplate('Bonjour {{contact.first_name}}, je suis {{agent.first_name}} ({{agent.name}}) de {{workspace.name}}. — {{ contact.name }}', context).text)
      .toBe('Bonjour Camille, je suis Karim (Karim Haddad) de Maison Lune. — Camille Martin');
  });

  it('takes the first word of a name as the first name', () => {
    expect(firstName('  Jean-Pierre  Dupont ')).toBe('Jean-Pierre');
    expect(firstName('Léa')).toBe('Léa');
    expect(firstName(null)).toBe('');
  });

  it('leaves an unknown variable visible and reports known ones without a value', () => {
    const filled = fillTemplate('Bonjour {{contact.first_name}}, commande {{order.number}} !', { ...context, contactName: null });
    expect(filled).toEqual({ text: 'Bonjour, commande {{order.number}} !', missing: ['contact.first_name'] });
  });
});

describe('canned replies that need an order', () => {
  const body = 'Bonjour {{contact.first_name}}, votre commande {{order.last.number}} est au statut {{order.last.status}}.';

  it('names the order variables a conversation without a linked shop cannot fill, so the insert is blocked', () => {
    const filled = fillTemplate(body, context);
    expect(holesIn(filled.missing)).toEqual(['order.last.number', 'order.last.status']);
  });

  it('lets the reply through once the order is known, and never blocks on a missing name alone', () => {
    const withOrder = fillTemplate(body, { ...context, lastOrderNumber: '#4512', lastOrderStatus: 'Expédiée' });
    expect(withOrder.text).toBe('Bonjour Camille, votre commande #4512 est au statut Expédiée.');
    expect(holesIn(withOrder.missing)).toEqual([]);
    expect(holesIn(fillTemplate('Bonjour {{contact.first_name}} !', { ...context, contactName: null }).missing)).toEqual([]);
    expect(holesIn(fillTemplate('Votre panier : {{cart.url}}', context).missing)).toEqual(['cart.url']);
  });
});

describe('canned reply search', () => {
  it('opens on a / that starts a word, not inside a URL', () => {
    expect(tokenAt('Bonjour /sui', 12, '/')).toEqual({ start: 8, end: 12, query: 'sui' });
    expect(tokenAt('/', 1, '/')).toEqual({ start: 0, end: 1, query: '' });
    expect(tokenAt('voir https://x.fr/a', 19, '/')).toBeUndefined();
    expect(tokenAt('/suivi colis', 12, '/')).toBeUndefined();
  });

  it('finds by shortcut first, then by title, without caring for accents or case', () => {
    expect(matchCanned(replies, 'su').map((r) => r.id)).toEqual(['1']);
    expect(matchCanned(replies, 'ECHANGE').map((r) => r.id)).toEqual(['3']);
    expect(matchCanned(replies, 'r').map((r) => r.id)).toEqual(['3', '2']);
    expect(matchCanned(replies, '').map((r) => r.shortcut)).toEqual(['merci', 'retour', 'suivi']);
  });

  it('replaces the /query with the filled reply and puts the caret after it', () => {
    const text = 'Re-bonjour ! /sui';
    const token = tokenAt(text, text.length, '/')!;
    const body = fillTemplate(replies[0]!.body, context).text;
    expect(replaceRange(text, token.start, token.end, body)).toEqual({
      text: 'Re-bonjour ! Bonjour Camille, votre colis est en route.',
      caret: 'Re-bonjour ! Bonjour Camille, votre colis est en route.'.length,
    });
  });
});

describe('shop variables in canned replies', () => {
  it('fills the last order and the cart link, and lists them as missing when the customer has none', () => {
    const body = 'Votre commande {{order.last.number}} est {{order.last.status}}. Votre panier : {{cart.url}}';
    const shop = { ...context, lastOrderNumber: '#1002', lastOrderStatus: 'expédiée', cartUrl: 'https://lune.example/checkouts/abc/recover' };
    expect(fillTemplate(body, shop)).toEqual({ text: 'Votre commande #1002 est expédiée. Votre panier : https://lune.example/checkouts/abc/recover', missing: [] });
    expect(fillTemplate(body, context).missing).toEqual(['order.last.number', 'order.last.status', 'cart.url']);
  });
});
