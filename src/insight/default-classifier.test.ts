import { describe, expect, it } from 'vitest';
import { createDefaultClassifier } from './default-classifier.ts';
import { intentKey } from './classifier.ts';

const classifier = createDefaultClassifier();
const intentsOf = (text: string): string[] => classifier.classify(text).intents.map(intentKey);

describe('default classifier: what a care team sees', () => {
  it('flags an angry customer whose parcel never came', () => {
    const result = classifier.classify("Toujours pas reçu mon colis, c'est inadmissible 😡");
    expect(result).toMatchObject({ language: 'fr', sentiment: 'negative' });
    expect(result.score).toBeLessThan(-0.5);
    expect(result.intents).toEqual(expect.arrayContaining([{ intent: 'complaint' }, { intent: 'order_issue', subtype: 'delivery' }]));
  });

  it.each([
    ['je ne suis pas satisfait', 'negative'],
    ["ce n'est pas bon du tout", 'negative'],
    ["j'aime pas", 'negative'],
    ['pas mal du tout !', 'positive'],
    ['not happy at all', 'negative'],
    ['not bad', 'positive'],
    ["I don't like it", 'negative'],
    ["jamais reçu, merci pour rien", 'negative'],
  ])('reads negation: %s → %s', (text, sentiment) => {
    expect(classifier.classify(text).sentiment).toBe(sentiment);
  });

  it('counts thanks with a happy emoji as praise, not as a delivery problem', () => {
    const result = classifier.classify('Merci, livraison super rapide 😍');
    expect(result.sentiment).toBe('positive');
    expect(intentsOf('Merci, livraison super rapide 😍')).toEqual(['praise']);
  });

  it('spots shoppers about to buy, in both languages', () => {
    expect(intentsOf('dispo en 38 ?')).toEqual(['question', 'purchase_intent']);
    const ship = classifier.classify('do you ship to Belgium?');
    expect(ship.language).toBe('en');
    expect(ship.intents.map(intentKey)).toEqual(['question', 'purchase_intent']);
    expect(intentsOf('Vous livrez en Belgique ? Merci')).toEqual(['question', 'purchase_intent']);
  });

  it('does not count a polite "merci" closing a question as a happy customer', () => {
    expect(classifier.classify('Vous livrez en Belgique ? Merci').sentiment).toBe('neutral');
  });

  it('marks bait as spam, and keeps it out of the positive share', () => {
    const result = classifier.classify('GAGNEZ UN IPHONE cliquez ici http://bit.ly/gagnant');
    expect(result.intents.map(intentKey)).toEqual(['spam']);
    expect(result.sentiment).toBe('neutral');
    expect(intentsOf('Le lien de suivi http://colissimo.fr/123 ne marche pas')).not.toContain('spam');
  });

  it('names what went wrong with an order', () => {
    expect(intentsOf("il manque un article dans ma commande")).toContain('order_issue/missing_item');
    expect(intentsOf('Colis arrivé abîmé, je veux être remboursé')).toEqual(expect.arrayContaining(['order_issue/damaged', 'order_issue/return_refund']));
    expect(intentsOf("on m'a débité deux fois")).toContain('order_issue/billing');
    expect(intentsOf('Where is my order? Still waiting after 2 weeks')).toContain('order_issue/delivery');
    expect(intentsOf("aucun retour de votre part depuis 3 jours")).not.toContain('order_issue/return_refund');
  });

  it('hears stress: capitals, elongations, exclamation marks', () => {
    const plain = classifier.classify('je suis déçu').score;
    expect(classifier.classify('JE SUIS TRÈS DÉÇU !!!').score).toBeLessThan(plain);
    expect(classifier.classify("j'adore trooop").sentiment).toBe('positive');
    expect(classifier.classify('sooo good').score).toBeGreaterThan(classifier.classify('good').score);
  });

  it('reads irony next to a grievance', () => {
    expect(classifier.classify('Bravo, toujours pas reçu 🙃').sentiment).toBe('negative');
    expect(classifier.classify('Great, still waiting for my refund').sentiment).toBe('negative');
    expect(classifier.classify('Super, encore en retard...').sentiment).toBe('negative');
  });

  it('weighs what follows "mais" / "but" more', () => {
    expect(classifier.classify('Merci pour la réponse rapide mais toujours pas reçu').sentiment).toBe('negative');
    expect(classifier.classify('The box was a bit damaged but the shoes are perfect, love them').sentiment).toBe('positive');
  });

  it('reads emojis and emoticons alone', () => {
    expect(classifier.classify('😍😍').sentiment).toBe('positive');
    expect(classifier.classify(':(').sentiment).toBe('negative');
    expect(classifier.classify('👎').sentiment).toBe('negative');
  });

  it('survives empty, emoji-only, odd and very long input', () => {
    for (const text of ['', '   ', '🙂', '🤷‍♀️🤷🏽', '@shop', 'http://x.y', '?!?!', '\u0000\uFFFF', 'é'.repeat(10_000), 'pas '.repeat(2_500)]) {
      const result = classifier.classify(text);
      expect(result.intents.length).toBeGreaterThan(0);
      expect(result.score).toBeGreaterThanOrEqual(-1);
      expect(result.score).toBeLessThanOrEqual(1);
    }
    expect(classifier.classify('').sentiment).toBe('neutral');
    expect(classifier.classify('').intents).toEqual([{ intent: 'other' }]);
  });

  it('keeps confidence and score in range and neutral when nothing is said', () => {
    const result = classifier.classify('Commande 4821');
    expect(result.sentiment).toBe('neutral');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });
});
